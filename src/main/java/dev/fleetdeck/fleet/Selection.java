package dev.fleetdeck.fleet;

import dev.fleetdeck.json.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which hosts a command acts on. Grammar (whitespace around terms is ignored):
 * <pre>
 *   selection := term ("," term)*
 *   term      := ["-" | "!"] atom        -- a leading "-" or "!" excludes
 *   atom      := "all" | "@" tagGlob | nameGlob
 * </pre>
 * Globs know {@code * ? [ab] [a-z] [!a]}; without those characters a name or tag must match exactly. The result
 * is the union of the including terms (every host if there are none) minus the union of the excluding terms,
 * in fleet order without duplicates. Any term that matches no host is an error, so a typo never silently
 * shrinks (or, excluded, grows) what a deploy touches.
 */
public final class Selection {

    private static final int LISTED = 20;

    private final String expression;
    private final List<Term> terms;

    private record Term(boolean exclude, boolean tag, String pattern, Predicate<String> match) {
        boolean matches(Host host) {
            if (!tag && pattern.equals("all")) return true;
            return tag ? host.tags().stream().anyMatch(match) : match.test(host.name());
        }
    }

    private Selection(String expression, List<Term> terms) {
        this.expression = expression;
        this.terms = terms;
    }

    /** Checks the syntax only; names are checked against a fleet by {@link #select}. */
    public static Selection parse(String expression) throws SelectionException {
        if (expression == null || expression.isBlank()) {
            throw new SelectionException("empty selection; give all, a host name, a glob like web-*, or @tag");
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : expression.split(",", -1)) {
            terms.add(term(raw.strip(), expression));
        }
        return new Selection(expression, terms);
    }

    /** Convenience for {@code parse(expression).select(fleet)}. */
    public static List<Host> select(Fleet fleet, String expression) throws SelectionException {
        return parse(expression).select(fleet);
    }

    public String expression() {
        return expression;
    }

    public List<Host> select(Fleet fleet) throws SelectionException {
        if (fleet.hosts().isEmpty()) throw new SelectionException("the fleet has no hosts");
        Set<Host> included = new LinkedHashSet<>();
        Set<Host> excluded = new LinkedHashSet<>();
        boolean anyIncluding = false;
        for (Term t : terms) {
            List<Host> matched = fleet.hosts().stream().filter(t::matches).toList();
            if (matched.isEmpty()) throw noMatch(t, fleet);
            (t.exclude() ? excluded : included).addAll(matched);
            anyIncluding |= !t.exclude();
        }
        boolean startFromAll = !anyIncluding;
        List<Host> result = fleet.hosts().stream()
                .filter(h -> (startFromAll || included.contains(h)) && !excluded.contains(h))
                .toList();
        if (result.isEmpty()) {
            throw new SelectionException("selection \"" + expression + "\" leaves no host " + inventory(fleet));
        }
        return result;
    }

    private static Term term(String text, String expression) throws SelectionException {
        if (text.isEmpty()) throw new SelectionException("empty term in selection \"" + expression + "\"");
        boolean exclude = text.startsWith("-") || text.startsWith("!");
        String atom = exclude ? text.substring(1).strip() : text;
        boolean tag = atom.startsWith("@");
        String pattern = tag ? atom.substring(1) : atom;
        if (pattern.isEmpty()) throw new SelectionException("\"" + text + "\" needs a " + (tag ? "tag" : "host name"));
        if (pattern.chars().anyMatch(Character::isWhitespace) || pattern.startsWith("-") || pattern.startsWith("!")
                || pattern.contains("@")) {
            throw new SelectionException("\"" + text + "\" is not a host name, glob or @tag");
        }
        try {
            Predicate<String> match = Glob.isGlob(pattern) ? Glob.compile(pattern).asMatchPredicate() : pattern::equals;
            return new Term(exclude, tag, pattern, match);
        } catch (IllegalArgumentException e) {
            throw new SelectionException(e.getMessage());
        }
    }

    private static SelectionException noMatch(Term t, Fleet fleet) {
        String shown = (t.tag() ? "@" : "") + t.pattern();
        String message = "no host matches \"" + shown + "\" " + inventory(fleet);
        if (!Glob.isGlob(t.pattern())) {
            List<String> candidates = Stream.concat(names(fleet).stream(), tags(fleet).stream()).toList();
            message += Suggestions.closest(shown, candidates).map(s -> "; did you mean " + s + "?").orElse("");
        }
        return new SelectionException(message);
    }

    /** {@code (hosts: cortex, orion; tags: @gpu, @servers)} */
    private static String inventory(Fleet fleet) {
        List<String> tags = tags(fleet);
        return "(hosts: " + listed(names(fleet)) + "; " + (tags.isEmpty() ? "no tags" : "tags: " + listed(tags)) + ")";
    }

    private static List<String> names(Fleet fleet) {
        return fleet.hosts().stream().map(Host::name).toList();
    }

    private static List<String> tags(Fleet fleet) {
        return fleet.hosts().stream().flatMap(h -> h.tags().stream()).distinct().sorted().map(t -> "@" + t).toList();
    }

    private static String listed(List<String> items) {
        if (items.size() <= LISTED) return String.join(", ", items);
        return items.stream().limit(LISTED).collect(Collectors.joining(", ")) + " and " + (items.size() - LISTED) + " more";
    }
}
