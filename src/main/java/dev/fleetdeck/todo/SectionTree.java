package dev.fleetdeck.todo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Builds the heading tree while the document is read top to bottom. */
final class SectionTree {

    private static final class Node {
        final String title;
        final int level;
        final int line;
        final List<String> path;
        final List<TodoItem> items = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(String title, int level, int line, List<String> path) {
            this.title = title;
            this.level = level;
            this.line = line;
            this.path = path;
        }

        Section build() {
            return new Section(title, level, line, path, items, children.stream().map(Node::build).toList());
        }
    }

    private final Node root = new Node("", 0, 0, List.of());
    private final Deque<Node> open = new ArrayDeque<>(List.of(root));

    void heading(String title, int level, int line) {
        while (open.peek().level >= level) open.pop();
        Node parent = open.peek();
        List<String> path = new ArrayList<>(parent.path);
        path.add(title);
        Node n = new Node(title, level, line, List.copyOf(path));
        parent.children.add(n);
        open.push(n);
    }

    List<String> path() {
        return open.peek().path;
    }

    void add(TodoItem item) {
        open.peek().items.add(item);
    }

    Section build() {
        return root.build();
    }
}
