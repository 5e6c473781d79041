// Help > About: what the program is, its version and licence, and where its
// files are: the settings file open now, the backups and the change history
// beside it, and the window's own saved layout.
#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;

namespace tad {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const QString &configPath, QWidget *parent = nullptr);

    // Everything the dialog shows, as plain text (the Copy button's text).
    QString text() const;

private:
    QLabel *addPath(const QString &objectName, const QString &title, const QString &path);

    QString m_text;
    QFormLayout *m_paths;
};

} // namespace tad
