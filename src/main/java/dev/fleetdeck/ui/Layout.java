package dev.fleetdeck.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of the console goes for a terminal size. Wide terminals put the host list left of the run;
 * narrow ones stack everything; below {@link #MIN_COLUMNS}×{@link #MIN_ROWS} only a notice is shown. Pure
 * arithmetic, so it is tested for many sizes without a terminal.
 *
 * @param panes one rect per output pane shown side by side (the rest are reached with next-pane)
 */
public record Layout(boolean tooSmall, Rect hosts, Rect checklist, List<Rect> panes, Rect statusBar, Rect prompt,
                     Rect body) {

    public static final int MIN_COLUMNS = 30;
    public static final int MIN_ROWS = 8;
    static final int WIDE = 90;
    static final int MIN_PANE_WIDTH = 40;

    /**
     * @param hostCount      rows the host list would like
     * @param checklistRows  rows the checklist would like (0 when no run is shown)
     * @param paneCount      output panes of the shown run (1 for the command log)
     */
    public static Layout compute(int columns, int rows, int hostCount, int checklistRows, int paneCount) {
        if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
            Rect all = new Rect(0, 0, Math.max(0, columns), Math.max(0, rows));
            return new Layout(true, Rect.NONE, Rect.NONE, List.of(), Rect.NONE, Rect.NONE, all);
        }
        int bodyH = rows - 2;
        Rect status = new Rect(0, rows - 2, columns, 1);
        Rect prompt = new Rect(0, rows - 1, columns, 1);
        Rect body = new Rect(0, 0, columns, bodyH);
        Rect hosts;
        Rect right;
        if (columns >= WIDE) {
            int hw = Math.max(18, Math.min(32, columns / 5));
            hosts = new Rect(0, 0, hw, bodyH);
            right = new Rect(hw + 1, 0, columns - hw - 1, bodyH);
        } else {
            int hh = Math.max(2, Math.min(hostCount + 1, bodyH / 4));
            hosts = new Rect(0, 0, columns, hh);
            right = new Rect(0, hh, columns, bodyH - hh);
        }
        int ch = checklistRows <= 0 ? 0 : Math.max(2, Math.min(checklistRows, right.h() * 2 / 5));
        if (right.h() - ch < 2) ch = Math.max(0, right.h() - 2);
        Rect checklist = new Rect(right.x(), right.y(), right.w(), ch);
        Rect out = new Rect(right.x(), right.y() + ch, right.w(), right.h() - ch);
        int side = Math.max(1, Math.min(Math.min(paneCount, 3), (out.w() + 1) / (MIN_PANE_WIDTH + 1)));
        List<Rect> panes = new ArrayList<>();
        int x = out.x();
        for (int i = 0; i < side; i++) {
            int w = i == side - 1 ? out.x() + out.w() - x : (out.w() - (side - 1)) / side;
            panes.add(new Rect(x, out.y(), w, out.h()));
            x += w + 1;
        }
        return new Layout(false, hosts, checklist, panes, status, prompt, body);
    }
}
