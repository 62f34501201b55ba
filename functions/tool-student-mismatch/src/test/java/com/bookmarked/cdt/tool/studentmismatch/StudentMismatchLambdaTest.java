package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.testing.ToolFunctionContract;

/** The Student Mismatch Resolver's function as Lambda runs it: the shared contract of a tool function. */
class StudentMismatchLambdaTest extends ToolFunctionContract {

    @Override
    protected String toolId() {
        return "student-mismatch";
    }

    @Override
    protected String validParameters() {
        return "{\"matchThreshold\":14,\"asOf\":\"2026-11-16\"}";
    }

    @Override
    protected String invalidParameters() {
        return "{\"matchThreshold\":\"very high\"}";
    }

    @Override
    protected String invalidParameterName() {
        return "matchThreshold";
    }
}
