/**
 * The client's side of the contract wiring: {@link io.cocoon4j.client.ClientMarket} over the root and
 * job contracts on any {@link io.cocoon4j.chain.TonChain}, and the off-chain {@link
 * io.cocoon4j.client.chain.OfferDirectory} that says where each registered runner answers.
 */
package io.cocoon4j.client.chain;
