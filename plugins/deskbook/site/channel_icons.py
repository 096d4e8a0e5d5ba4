"""An icon for each built-in kind of channel, drawn beside the channel's name on the site.

A company's own channel (a support portal, WhatsApp) takes the icon of its kind (``web``, ``messaging``),
so readers recognise it by shape as well as by name. The icons are line drawings on a 24-unit grid, in the
text's colour (``currentColor``), hidden from screen readers: the name beside them says what they show.
The printed handbook shows names only.
"""

from __future__ import annotations

from markupsafe import Markup

# Stroked outlines (the stylesheet sets the stroke), one per kind of model.base.CHANNEL_KINDS.
CHANNEL_ICONS: dict[str, str] = {
    "phone": '<path d="M5 3h4l2 5-3 2a12 12 0 0 0 6 6l2-3 5 2v4a2 2 0 0 1-2 2A18 18 0 0 1 3 5a2 2 0 0 1 2-2z"/>',
    "email": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "chat": '<path d="M4 4h16v11H9l-5 4z"/><path d="M8 9h8M8 12h5"/>',
    "in-person": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4 4-7 8-7s8 3 8 7"/>',
    "letter": '<path d="M6 3h9l4 4v14H6z"/><path d="M15 3v4h4M9 12h7M9 16h7"/>',
    "social": '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/>'
              '<path d="m8.2 10.8 7.6-3.6M8.2 13.2l7.6 3.6"/>',
    "web": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18"/>',
    "messaging": '<path d="M20 11.5a8 8 0 0 1-11.8 7L4 20l1.5-4A8 8 0 1 1 20 11.5z"/>',
    "forum": '<path d="M3 4h12v8H8l-5 3z"/><path d="M18 8h3v10l-4-3h-7v-1"/>',
    "video": '<rect x="3" y="6" width="12" height="12" rx="2"/><path d="m15 10 6-3v10l-6-3"/>',
    "sms": '<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M9 7h6M9 11h6M9 15h3"/>',
}


def channel_with_icon(kind: str | None, name: str, before: str = "") -> Markup:
    """A channel's name after the icon of its kind (and ``before`` it, an opening bracket); the name alone
    for a channel of no known kind.

    The icon is kept on the line of the name's first word (a line may break after an inline SVG), and the
    rest of a long name still wraps, so a company's "Customer portal for enterprise accounts" fits a phone."""
    shapes = CHANNEL_ICONS.get(kind or "")
    if shapes is None:
        return Markup("{}{}").format(before, name)
    first, space, rest = name.partition(" ")
    return Markup('<span class="deskbook-channel">{}<svg class="deskbook-channel-icon" viewBox="0 0 24 24" '
                  'aria-hidden="true" focusable="false">{}</svg>{}</span>{}{}').format(
                      before, Markup(shapes), first, space, rest)
