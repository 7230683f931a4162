package io.mastersync.quality;

/** An analyzer cannot produce its metric (e.g. a memory guard tripped, a column is missing). */
public class MetricException extends RuntimeException {

    public MetricException(String message) {
        super(message);
    }
}
