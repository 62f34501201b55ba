package com.bookmarked.cdt.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line, as CloudWatch Logs Insights reads it:
 * {@code {"time","level","logger","thread","message","runId","customerId",...MDC,"error"}}.
 * Only ids go into the MDC (see {@link LogContext}); messages must not carry names or emails, and
 * whatever looks like a secret or an email in a message or stack trace is redacted ({@link LogRedaction}).
 */
public class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        field(out, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString(), true);
        field(out, "level", event.getLevel().toString(), false);
        field(out, "logger", event.getLoggerName(), false);
        field(out, "thread", event.getThreadName(), false);
        field(out, "message", LogRedaction.redact(event.getFormattedMessage()), false);
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                field(out, e.getKey(), e.getValue(), false);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            field(out, "error", LogRedaction.redact(ThrowableProxyUtil.asString(thrown)), false);
        }
        out.append('}').append(CoreConstants.LINE_SEPARATOR);
        return out.toString();
    }

    @Override
    public String getContentType() {
        return "application/json";
    }

    private static void field(StringBuilder out, String name, String value, boolean first) {
        if (value == null) {
            return;
        }
        if (!first) {
            out.append(',');
        }
        quote(out, name);
        out.append(':');
        quote(out, value);
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
