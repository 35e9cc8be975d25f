package org.mtcgate.diameter.dictionary;

/** A command of an application: code, name, whether the request is proxiable, both grammars. */
public record CommandDefinition(int code, long applicationId, String name, boolean proxiable,
                                CommandGrammar request, CommandGrammar answer) {
}
