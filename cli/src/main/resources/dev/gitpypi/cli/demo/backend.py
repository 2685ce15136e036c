"""A tiny in-tree PEP 517 build backend for gitpypi's demo projects.

It needs nothing but the standard library, so pip builds these projects with no network:
pyproject.toml says `requires = []` and `backend-path = ["."]`. It reads [project] name, version,
requires-python and dependencies from pyproject.toml and packs the package folder named after the
project into a wheel (and the tree into an sdist).
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None


def _project():
    with open("pyproject.toml", "rb") as f:
        data = f.read()
    if tomllib is not None:
        return tomllib.loads(data.decode("utf-8"))["project"]
    text = data.decode("utf-8")
    project = {}
    for key in ("name", "version", "requires-python"):
        m = re.search(r'^%s\s*=\s*"([^"]*)"' % re.escape(key), text, re.M)
        if m:
            project[key] = m.group(1)
    m = re.search(r"^dependencies\s*=\s*\[([^\]]*)\]", text, re.M)
    project["dependencies"] = re.findall(r'"([^"]*)"', m.group(1)) if m else []
    return project


def _metadata(p):
    lines = ["Metadata-Version: 2.1", "Name: " + p["name"], "Version: " + p["version"]]
    if p.get("requires-python"):
        lines.append("Requires-Python: " + p["requires-python"])
    for dep in p.get("dependencies", []):
        lines.append("Requires-Dist: " + dep)
    return "\n".join(lines) + "\n"


def _dist_name(p):
    return re.sub(r"[-_.]+", "_", p["name"]).lower()


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    name = _dist_name(p)
    dist_info = "%s-%s.dist-info" % (name, p["version"])
    files = {}
    package = name
    for root, _dirs, names in os.walk(package):
        for n in sorted(names):
            if n.endswith(".pyc"):
                continue
            path = os.path.join(root, n)
            with open(path, "rb") as f:
                files[path.replace(os.sep, "/")] = f.read()
    files[dist_info + "/METADATA"] = _metadata(p).encode("utf-8")
    files[dist_info + "/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: gitpypi-demo\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
        record.append("%s,sha256=%s,%d" % (path, digest, len(data)))
    record.append(dist_info + "/RECORD,,")
    files[dist_info + "/RECORD"] = ("\n".join(record) + "\n").encode("utf-8")
    wheel_name = "%s-%s-py3-none-any.whl" % (name, p["version"])
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w") as z:
        for path, data in files.items():
            z.writestr(path, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = "%s-%s" % (_dist_name(p), p["version"])
    sdist_name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, sdist_name), "w:gz", format=tarfile.PAX_FORMAT) as t:
        for root, _dirs, names in os.walk("."):
            for n in sorted(names):
                path = os.path.join(root, n)
                if ".git" in path.split(os.sep) or n.endswith(".pyc"):
                    continue
                t.add(path, arcname=base + "/" + os.path.relpath(path, "."))
        data = _metadata(p).encode("utf-8")
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    return sdist_name
