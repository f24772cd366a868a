package io.unifiedcrm.benchmarks;

/**
 * CPU seconds the application JVM and PostgreSQL (the postmaster, its children, and those that ended) spend from
 * its start: what a phase costs in CPU, which the other processes of a shared machine disturb far less than they
 * disturb throughput.
 */
final class CpuMeter {

    private final long applicationPid;
    private final long postmasterPid;
    private final double applicationStart;
    private final double postgresStart;

    private CpuMeter(long applicationPid, long postmasterPid) throws Exception {
        this.applicationPid = applicationPid;
        this.postmasterPid = postmasterPid;
        this.applicationStart = application();
        this.postgresStart = postgres();
    }

    static CpuMeter start(long applicationPid, long postmasterPid) throws Exception {
        return new CpuMeter(applicationPid, postmasterPid);
    }

    /** CPU seconds of the application and of PostgreSQL since the start. */
    double[] seconds() throws Exception {
        return new double[] {application() - applicationStart, postgres() - postgresStart};
    }

    private double application() {
        return ProcessCpu.stat(applicationPid).selfSeconds();
    }

    private double postgres() throws Exception {
        ProcessCpu.Stat postmaster = ProcessCpu.stat(postmasterPid);
        double seconds = postmaster.selfSeconds() + postmaster.reapedChildrenSeconds();
        for (ProcessCpu.Stat child : ProcessCpu.children(postmasterPid)) {
            seconds += child.selfSeconds();
        }
        return seconds;
    }
}
