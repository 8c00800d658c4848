"""What the commands do, apart from parsing their options (``cli.py``): the
``check`` flows (files, standard input, fixing) and the settings every file gets."""
