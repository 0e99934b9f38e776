"""The whole journey in a real browser over HTTPS through a TLS-terminating reverse proxy
(Debian's nginx, a certificate made here), with the app behind it on waitress, set up as the
README's "Deploying" section says."""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from .test_journeys import answer_section

pytestmark = pytest.mark.browser
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
)
if NGINX is None:
    pytest.skip(
        "nginx not installed (apt-get install nginx); HTTPS proxy browser test skipped",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    return cert_file, key_file


NGINX_CONF = """
{user}
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name localhost;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-Host $http_host;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def https_site(tmp_path_factory):
    """nginx on https://localhost:PORT in front of the app (production settings) on waitress."""
    from waitress.server import create_server

    from roadmap import create_app

    folder = tmp_path_factory.mktemp("https-proxy")
    port = free_port()
    public = f"https://localhost:{port}"
    app = create_app(
        {
            "ENV": "production",
            "SECRET_KEY": "browser-https-" + "x" * 32,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'app.db'}",
            "PUBLIC_URL": public,
            "TRUSTED_PROXIES": 1,
            "SESSION_COOKIE_SECURE": True,
            "REPORT_PREFETCH": False,
            "REPORT_RECYCLE_AFTER": 0,
        }
    )
    # As `roadmap serve` runs it: X-Forwarded-* left for the app's ProxyFix.
    server = create_server(
        app, host="127.0.0.1", port=0, threads=4, clear_untrusted_proxy_headers=False
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    cert, key = self_signed(folder)
    conf = folder / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            user="user root;" if os.geteuid() == 0 else "",
            dir=folder,
            port=port,
            cert=cert,
            key=key,
            app_port=server.effective_port,
        )
    )
    proxy = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                log = folder / "error.log"
                assert proxy.poll() is None, log.read_text() if log.exists() else "nginx exited"
                assert time.monotonic() < deadline, "nginx did not listen within 15 s"
                time.sleep(0.2)
        yield {"url": public, "app": app}
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
        proxy.stdout.close()
        server.close()


def test_whole_journey_over_https_through_nginx(https_site, browser, screenshot):
    base = https_site["url"]
    q = https_site["app"].extensions["roadmap.catalogue"].get("cosie-readiness")
    # A self-signed certificate: the browser is told to accept it, nothing else is relaxed.
    context = browser.new_context(locale="fr-FR", ignore_https_errors=True)
    page = context.new_page()
    responses = []
    page.on("response", lambda r: responses.append(r))
    try:
        home = page.goto(f"{base}/")
        assert home.status == 200
        # (Chromium hides HSTS from a site whose certificate it was told to accept: see below.)
        assert home.all_headers()["referrer-policy"] == "same-origin"
        page.goto(f"{base}/assessment/start")
        page.fill("#service_name", "Guichet unique — HTTPS")
        page.click('label[for="role-2"]')
        page.click("form button[type=submit]")
        assert "/created" in page.url, page.content()[:500]
        resume_link = page.input_value("#resume-link")
        assert resume_link.startswith(f"{base}/assessment/")  # https, the public address
        page.click("text=Commencer")
        for section in q.sections:
            assert f"/step/{section.id}" in page.url
            answer_section(page, section)
            page.click('button[value="next"]')
        assert page.url.endswith("/check")
        page.click("main form button[type=submit]")
        assert "/results/" in page.url
        screenshot(page, "fr-results-https")
        with page.expect_download() as download:
            page.click("text=Télécharger le rapport PDF")
        assert download.value.suggested_filename.endswith(".pdf")
        assert [r.url for r in responses if r.status == 400] == []  # no CSRF refusal
        assert all(r.url.startswith(base) for r in responses)
    finally:
        context.close()


def test_through_the_proxy_hsts_is_sent_and_a_forged_host_refused(https_site):
    import httpx

    base = https_site["url"]
    home = httpx.get(f"{base}/", verify=False)
    assert home.headers["Strict-Transport-Security"] == "max-age=31536000"
    forged = httpx.get(f"{base}/", headers={"Host": "evil.example"}, verify=False)
    assert forged.status_code == 400
    assert "evil.example" not in forged.text
