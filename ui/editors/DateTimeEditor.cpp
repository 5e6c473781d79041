#include "DateTimeEditor.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace tad {

DateTimeEditor::DateTimeEditor(const EditorSpec &spec, QWidget *parent)
    : ValueEditor(EditorKind::DateTime, spec, parent)
{
    m_edit = new QDateTimeEdit(this);
    m_edit->setTimeSpec(Qt::UTC);
    m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    m_edit->setCalendarPopup(true);
    m_edit->setAccessibleName(tr("Date and time"));
    tightLayout(this)->addWidget(m_edit);
    setFocusTarget(m_edit);
    // A step is written at once, typing on Enter or when focus leaves.
    m_edit->setKeyboardTracking(false);
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] { emitCommitted(); });
}

std::optional<Json> DateTimeEditor::value() const
{
    // JavaScript's Date.prototype.toISOString form, as the Electron app writes it.
    return Json(m_edit->dateTime()
                    .toUTC()
                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"))
                    .toStdString());
}

void DateTimeEditor::setValue(const Json &v)
{
    m_loading = true;
    QDateTime dt =
        v.is_string()
            ? QDateTime::fromString(QString::fromStdString(v.get<std::string>()), Qt::ISODateWithMs)
            : QDateTime();
    m_edit->setDateTime(dt.isValid() ? dt.toUTC() : QDateTime::currentDateTimeUtc());
    m_loading = false;
}

} // namespace tad
