package org.mtcgate.core.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;

/**
 * The JVM's and the process's own metrics under the names Prometheus' JVM and process collectors use (so common
 * dashboards work), read from the platform MXBeans at scrape time. Written here instead of adding the
 * instrumentation library: these few gauges are all an operator of this node needs.
 */
final class JvmMetrics {
    private JvmMetrics() {
    }

    static void register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("jvm_memory_used_bytes").help("Used bytes of a JVM memory area (heap, nonheap)")
                .labelNames("area").callback(cb -> {
                    cb.call(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), "heap");
                    cb.call(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_max_bytes").help("Most bytes a JVM memory area may use (heap; -1 when unbounded)")
                .labelNames("area").callback(cb -> {
                    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    cb.call(heap.getMax(), "heap");
                }).register(registry);
        CounterWithCallback.builder().name("jvm_gc_collections_total").help("Garbage collections, by collector")
                .labelNames("gc").callback(cb -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        cb.call(Math.max(0, gc.getCollectionCount()), gc.getName());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("jvm_gc_collection_seconds_total").help("Time spent in garbage collection, by collector")
                .labelNames("gc").callback(cb -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        cb.call(Math.max(0, gc.getCollectionTime()) / 1000.0, gc.getName());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_current").help("Live JVM threads")
                .callback(cb -> cb.call(ManagementFactory.getThreadMXBean().getThreadCount())).register(registry);
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        GaugeWithCallback.builder().name("process_start_time_seconds").help("When the process started, in seconds since the epoch")
                .callback(cb -> cb.call(runtime.getStartTime() / 1000.0)).register(registry);
        GaugeWithCallback.builder().name("process_uptime_seconds").help("Seconds since the process started")
                .callback(cb -> cb.call(runtime.getUptime() / 1000.0)).register(registry);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            GaugeWithCallback.builder().name("process_open_fds").help("Open file descriptors")
                    .callback(cb -> cb.call(unix.getOpenFileDescriptorCount())).register(registry);
            GaugeWithCallback.builder().name("process_max_fds").help("The limit of open file descriptors")
                    .callback(cb -> cb.call(unix.getMaxFileDescriptorCount())).register(registry);
        }
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            CounterWithCallback.builder().name("process_cpu_seconds_total").help("CPU time the process used, user and system")
                    .callback(cb -> cb.call(Math.max(0, sun.getProcessCpuTime()) / 1e9)).register(registry);
        }
    }
}
