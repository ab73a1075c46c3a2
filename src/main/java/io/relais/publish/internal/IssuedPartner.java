package io.relais.publish.internal;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.relais.publish.Partners;

/**
 * A partner just created or given a new token: the partner's fields (unwrapped, as in {@link PartnerView}) plus the
 * token and its feed URLs, shown this once since only the token's hash is kept.
 */
record IssuedPartner(@JsonUnwrapped PartnerView partner, String token, Map<String, Map<String, String>> feeds,
                     String note) {

    static IssuedPartner of(Partners.IssuedToken issued) {
        return new IssuedPartner(PartnerView.of(issued.partner()), issued.token(), issued.feeds(),
                "the token is shown only now: Relais keeps only its hash");
    }
}
