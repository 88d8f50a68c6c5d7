package dev.fleetdeck.todo;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The plain text of a heading as a reader sees it: emphasis and links dropped, code kept, HTML left out. */
final class InlineText extends AbstractVisitor {

    private final StringBuilder sb = new StringBuilder();

    static String of(Node node) {
        InlineText v = new InlineText();
        node.accept(v);
        return v.sb.toString().replaceAll("\\s+", " ").strip();
    }

    @Override
    public void visit(Text text) {
        sb.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        sb.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak b) {
        sb.append(' ');
    }

    @Override
    public void visit(HardLineBreak b) {
        sb.append(' ');
    }

    @Override
    public void visit(HtmlInline html) {
        // comments such as fleetdeck markers are not part of the title
    }
}
