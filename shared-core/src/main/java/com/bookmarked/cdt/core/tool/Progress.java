package com.bookmarked.cdt.core.tool;

/**
 * How a tool reports where it is. Tools call {@link #report} at phase boundaries and every few
 * thousand records; they stop early, returning what they have, when {@link #cancelled()} is true.
 */
public interface Progress {

    void report(String phase, int percent);

    boolean cancelled();

    Progress NONE = new Progress() {
        @Override
        public void report(String phase, int percent) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
