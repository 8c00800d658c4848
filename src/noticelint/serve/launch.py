"""Starting the workbench: bind (loopback unless told otherwise), open the browser."""

from __future__ import annotations

import ipaddress
import socket
import threading
import webbrowser

import typer

from noticelint.settings import Settings


class LaunchError(Exception):
    """The server cannot start (port taken, bad address); the message says why."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def page_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _check_bind(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise LaunchError(f"无法监听 {host}:{port}：{exc.strerror or exc}") from exc


def run(settings: Settings, *, host: str, port: int, open_browser: bool) -> None:
    """Serve the workbench until interrupted."""
    import uvicorn

    from noticelint.serve.app import create_app, loopback_hosts

    loopback = is_loopback(host)
    if not loopback:
        typer.echo(
            f"noticelint: 警告：正在 {host} 上监听，同一网络中的其他人也能访问此页面并上传文件 "
            "(warning: not bound to loopback)",
            err=True,
        )
    _check_bind(host, port)
    url = page_url(host, port)
    app = create_app(settings, allowed_hosts=loopback_hosts() if loopback else None)
    typer.echo(f"noticelint 工作台：{url}（按 Ctrl+C 退出）", err=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", access_log=False)
