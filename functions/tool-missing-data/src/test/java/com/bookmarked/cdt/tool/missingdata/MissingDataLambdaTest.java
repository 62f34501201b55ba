package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.testing.ToolFunctionContract;

/** The Missing Data Finder's function as Lambda runs it: the shared contract of a tool function. */
class MissingDataLambdaTest extends ToolFunctionContract {

    @Override
    protected String toolId() {
        return "missing-data";
    }

    @Override
    protected String validParameters() {
        return "{\"integrationType\":\"classlink\"}";
    }

    @Override
    protected String invalidParameters() {
        return "{\"integrationType\":\"carrier-pigeon\"}";
    }

    @Override
    protected String invalidParameterName() {
        return "integrationType";
    }
}
