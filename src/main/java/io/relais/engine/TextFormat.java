package io.relais.engine;

/** What a piece of text to translate is: plain text (a title) or an HTML fragment (a body). */
public enum TextFormat { PLAIN, HTML }
