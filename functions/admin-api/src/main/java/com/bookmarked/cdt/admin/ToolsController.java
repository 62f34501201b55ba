package com.bookmarked.cdt.admin;

import com.bookmarked.cdt.core.run.ToolCatalogue;
import com.bookmarked.cdt.core.tool.ToolDescriptor;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code GET /api/tools}: the catalogue, one descriptor per tool bean in this deployment. */
@Controller("/api/tools")
public class ToolsController {

    private final ToolCatalogue catalogue;

    public ToolsController(ToolCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Serdeable
    public record ToolList(List<ToolDescriptor> items) {
    }

    @Get
    public ToolList tools() {
        return new ToolList(catalogue.descriptors());
    }
}
