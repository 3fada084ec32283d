

def stubs_thicker_than_their_arrows(fig) -> list[str]:
    """The rows whose mark under an arrow to the time of writing is drawn thicker than the arrow's line: a thick bar
    turning into a thin line, a mark in no key, that made a one-day press conference look as if it lasted."""
    from matplotlib.patches import Rectangle
    ax = fig.axes[0]
    fig.canvas.draw()
    px_per_pt = fig.dpi / 72
    arrows = {a.get_gid().removesuffix("-to-writing"): a.arrow_patch.get_linewidth() * px_per_pt
              for a in ax.texts if (a.get_gid() or "").endswith("-to-writing")}
    thick = []
    for patch in ax.patches:
        if isinstance(patch, Rectangle) and patch.get_gid() in arrows:
            height = patch.get_window_extent().height + patch.get_linewidth() * px_per_pt
            if height > arrows[patch.get_gid()] + 0.5:
                thick.append(patch.get_gid())
    return thick


def test_03_zoom_draws_no_thick_stub_before_an_arrow_to_the_time_of_writing(essay):
    import matplotlib.pyplot as plt
    from helpers import plots, timeline as tl
    figs = plots.timeline_zoom_panels(tl.load_timeline(essay), leave_out=["E25", "E35", "E42", "E43", "E36", "E38"],
                                      writing="E38")
    try:
        drawn = [line.split()[0] for fig in figs for line in fig.drawn]
        assert {"E45", "E48", "E49"} <= set(drawn)
        assert [row for fig in figs for row in stubs_thicker_than_their_arrows(fig)] == []
    finally:
        for fig in figs:
            plt.close(fig)
