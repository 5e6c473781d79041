#include "ThemeIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace tad::ThemeIcons {

namespace {

struct IconNames
{
    const char *theme;   // freedesktop icon naming
    const char *bundled; // resources/icons/actions/NAME.svg
};

IconNames namesOf(Action action)
{
    switch (action) {
    case Open:
        return {"document-open", "open"};
    case Save:
        return {"document-save", "save"};
    case Undo:
        return {"edit-undo", "undo"};
    case Redo:
        return {"edit-redo", "redo"};
    case Reset:
        return {"edit-clear", "reset"};
    case Find:
        return {"edit-find", "find"};
    case Backup:
        return {"document-save-as", "backup"};
    case History:
        return {"document-open-recent", "history"};
    case Restore:
        return {"document-revert", "restore"};
    case Reload:
        return {"view-refresh", "reload"};
    case Reveal:
        return {"view-visible", "reveal"};
    case Delete:
        return {"edit-delete", "delete"};
    case Label:
        return {"tag", "label"};
    case Compare:
        return {"view-split-left-right", "compare"};
    case Quit:
        return {"application-exit", "quit"};
    case Migrations:
        return {"system-software-update", "migrations"};
    case Inspector:
        return {"document-properties", "inspector"};
    case Problems:
        return {"dialog-warning", "problems"};
    }
    return {"", ""};
}

// The drawing is black on transparent: only its alpha is kept.
QPixmap tinted(const QString &file, const QColor &color)
{
    QPixmap pixmap(file);
    if (pixmap.isNull())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

} // namespace

const char *themeName(Action action)
{
    return namesOf(action).theme;
}

QIcon bundledIcon(Action action)
{
    const QPalette palette = QGuiApplication::palette();
    const QString base =
        QStringLiteral(":/tad/actions/%1-").arg(QLatin1String(namesOf(action).bundled));
    QIcon icon;
    for (int size : {16, 32}) {
        const QString file = base + QString::number(size) + QStringLiteral(".png");
        icon.addPixmap(tinted(file, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(tinted(file, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}

QIcon icon(Action action)
{
    const QIcon themed = QIcon::fromTheme(QLatin1String(themeName(action)));
    return themed.isNull() ? bundledIcon(action) : themed;
}

} // namespace tad::ThemeIcons
