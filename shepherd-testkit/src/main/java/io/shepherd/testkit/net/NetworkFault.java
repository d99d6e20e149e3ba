package io.shepherd.testkit.net;

/**
 * A partition or a degradation in force on the network, until it is healed.
 *
 * <p>Faults overlap freely: a link is cut while any partition cuts it, and the drop and duplicate
 * rates in force are the highest that any active degradation or the link's conditions set.
 */
public interface NetworkFault {

    /** Ends the fault; healing it twice does nothing. */
    void heal();

    /** True until healed. */
    boolean isActive();
}
