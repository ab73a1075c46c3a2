package io.relais.publish;

/**
 * A partner the rules refuse, said in the API's words ({@code "filters.sources: no source 12 ..."}): the partners API
 * answers it 400, the console shows it beside the form. Another exception is not a refusal but a fault.
 */
public class PartnerRefused extends IllegalArgumentException {

    public PartnerRefused(String message) {
        super(message);
    }
}
