// The demo settings file scaled up to a given size, the way the benches
// make their large files: the demo config with as many workspaces as it
// takes, tab-indented as electron-store writes it.
#pragma once

#include <QString>
#include <string>

namespace bench {

// The demo file grown to about `target` bytes; `collapsed` is the value of
// ui.sidebarCollapsed (the key the product bench toggles).
std::string documentOfSize(qint64 target, bool collapsed = false);
// "2k", "100k", "1m", "10m" (powers of 1024) or a plain number of bytes.
qint64 parseSize(const QString &text);

} // namespace bench
