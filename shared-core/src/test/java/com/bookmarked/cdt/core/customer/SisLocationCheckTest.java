package com.bookmarked.cdt.core.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SisLocationCheckTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", textBlock = """
            oneroster-rest | https://sis.district.org/ims/oneroster/v1p1 | OK
            oneroster-rest | http://127.0.0.1:8089/ims/oneroster/v1p1    | OK
            classlink      | http://localhost:9000/                      | OK
            oneroster-rest | http://sis.district.org/ims                 | must start with https://
            classlink      | sis.district.org                            | must be a web address starting with https://
            oneroster-rest | https://user:pw@sis.district.org/           | must not hold a username or password (those belong in the secret)
            oneroster-rest | https://sis.district.org/#x                 | must not contain a # fragment
            oneroster-csv  | /exports/demo.zip                           | OK
            oneroster-csv  | C:\\exports\\demo                           | OK
            oneroster-csv  | sftp://sftp.district.org/exports            | OK
            oneroster-csv  | ftps://files.district.org:990/out           | OK
            oneroster-csv  | https://sis.district.org/export.zip         | must be a file or folder path, or an sftp://, ftps:// or ftp:// address (a web address belongs to the OneRoster API type)
            oneroster-csv  | sftp://bob:secret@sftp.district.org/        | must not hold a username or password (those belong in the secret)
            oneroster-csv  | sftp:///exports                             | must name the server, e.g. sftp://sftp.district.org/exports
            """)
    void eachSisTypeHasItsLocationRules(String type, String location, String problem) {
        assertThat(SisLocationCheck.problem(type, location)).isEqualTo(problem);
    }
}
