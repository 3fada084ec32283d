# Installed with the package into <environment>/etc/ipython/, where every IPython kernel of this environment reads
# it at start: a cell run before a notebook's Setup cell then says, in one sentence, to run Setup first
# (helpers/kernel_hints.py). Nothing else is configured here.
c = get_config()  # noqa: F821 (IPython's config loader provides get_config)
c.InteractiveShellApp.extensions = ["helpers.kernel_hints"]
