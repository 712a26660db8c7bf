"""Downloads beside the page: taken out of the HTML, written by content, kept while linked."""

from __future__ import annotations

import base64
import hashlib

from reportbuild import downloads


def _link(data: bytes, name: str = "rows.csv") -> str:
    payload = base64.b64encode(data).decode()
    return (f'<a class="download" download="{name}" '
            f'href="data:text/csv;charset=utf-8;base64,{payload}">Download</a>')  # fmt: skip


def test_split_moves_each_download_to_a_file_named_by_its_bytes():
    one, two = "\ufeffa,b\n1,2\n".encode(), "\ufeffa,b\n3,4\n".encode()
    page = f"<p>{_link(one, 'first.csv')}</p><p>{_link(two)}</p><p>{_link(one)}</p>"
    out, files = downloads.split(page)
    name = hashlib.sha256(one).hexdigest()[:16] + ".csv"  # computed here, not by the module
    assert files[f"downloads/{name}"] == one and len(files) == 2
    assert "data:text/csv" not in out
    assert f'download="first.csv" href="downloads/{name}"' in out  # the saved name is kept
    assert downloads.linked(out) == set(files)
    png = b"\x89PNG\r\n\x1a\nchart"
    img = f'<img src="data:image/png;base64,{base64.b64encode(png).decode()}" alt="a">'
    out, files = downloads.split(img)
    (path,) = files
    assert path == "images/" + hashlib.sha256(png).hexdigest()[:16] + ".png"
    assert out == f'<img src="{path}" alt="a">' and files[path] == png


def test_write_then_missing_then_cleanup(tmp_path):
    data = "\ufeffx\n1\n".encode()
    page, files = downloads.split(_link(data))
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert downloads.missing(tmp_path, page) == sorted(files)  # not written yet
    downloads.write(tmp_path, files)
    assert downloads.missing(tmp_path, page) == []
    (name,) = files
    assert (tmp_path / name).read_bytes() == data  # byte for byte, BOM kept
    (tmp_path / name).write_bytes(b"edited")
    assert downloads.missing(tmp_path, page) == [name]  # other bytes: missing
    downloads.write(tmp_path, files)
    stale = tmp_path / "downloads" / "0123456789abcdef.csv"
    stale.write_bytes(b"old")
    assert downloads.remove_unreferenced(tmp_path) == [stale]
    assert (tmp_path / name).is_file()


def test_a_page_whose_download_was_deleted_is_rendered_again(tmp_path):
    from reportbuild.catalog import Report
    from reportbuild.fingerprint import is_up_to_date, page_record

    page, files = downloads.split(_link(b"\xef\xbb\xbfa\n1\n"))
    report = Report(slug="p", kind="profile", notebook="01-province-profile", title="T")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    downloads.write(tmp_path, files)
    manifest = {"p": {"fingerprint": "f", **page_record(tmp_path, "p")}}
    assert is_up_to_date(report, "f", manifest, tmp_path)
    for path in (tmp_path / "downloads").iterdir():
        path.unlink()
    assert not is_up_to_date(report, "f", manifest, tmp_path)
