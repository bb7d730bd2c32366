/**
 * The runner's side of the contract wiring: {@link io.cocoon4j.runner.job.JobMarket},
 * {@link io.cocoon4j.runner.job.CommitmentEncoding} and
 * {@link io.cocoon4j.runner.service.TranscriptAccess} over the generated clients of the root, operator
 * and job contracts, on any {@link io.cocoon4j.chain.TonChain}.
 */
package io.cocoon4j.runner.chain;
