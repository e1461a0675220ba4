"""The web files of kg: the view page (``view.html``, ``static/``) and ``kg serve``'s templates."""
