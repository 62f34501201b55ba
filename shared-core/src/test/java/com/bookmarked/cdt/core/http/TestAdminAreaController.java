package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.auth.RequiresRole;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** A whole controller for admins or engineers (the annotation on the class); only in HttpTest. */
@Controller("/api/test/admin-area")
@RequiresRole({"admin", "engineer"})
@Requires(property = "cdt.test.http-controllers", value = "true")
class TestAdminAreaController {

    @Get
    String area() {
        return "inside";
    }
}
