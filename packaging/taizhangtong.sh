#!/bin/sh
# /usr/bin/taizhangtong: starts the bundle installed under /opt/taizhangtong.
# The bundle's Qt brings input-method plugins for IBus and compose only. Fcitx 5, the input
# method of UOS and Kylin desktops, also answers as IBus, so a session that asks Qt for fcitx
# is pointed at that (without it no Chinese could be typed into the window).
case "${QT_IM_MODULE:-}" in
    fcitx*) QT_IM_MODULE=ibus; export QT_IM_MODULE ;;
esac
exec /opt/taizhangtong/taizhangtong "$@"
