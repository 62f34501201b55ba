package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.testing.ToolFunctionContract;

/** The Parent Email Conflict Detector's function as Lambda runs it: the shared contract of a tool function. */
class ParentEmailLambdaTest extends ToolFunctionContract {

    @Override
    protected String toolId() {
        return "parent-email-conflict";
    }

    @Override
    protected String validParameters() {
        return "{\"placeholderHouseholds\":4,\"extraPlaceholders\":\"noparent\"}";
    }

    @Override
    protected String invalidParameters() {
        return "{\"placeholderHouseholds\":1}";
    }

    @Override
    protected String invalidParameterName() {
        return "placeholderHouseholds";
    }
}
