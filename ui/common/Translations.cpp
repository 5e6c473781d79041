#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace tad {

QString installTranslations(QCoreApplication *app, const QLocale &locale)
{
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("tad-settings"), QStringLiteral("_"),
                   QStringLiteral(":/tad/translations"))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // Qt's own words (Cancel, OK, the file dialog), where the system has them.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return own->language();
}

} // namespace tad
