#include "EditorPanel.h"

#include "ValueEditor.h"
#include "common/ElidedLabel.h"
#include "common/ThemeColors.h"
#include "schema/SecretMask.h"
#include "settings/ViolationWords.h"

#include "json/JsonText.h"
#include <QAbstractButton>
#include <QApplication>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tad {

namespace {
QLabel *wrappingLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// QLabel::clear() lays the panel out and paints it again even when the label
// is empty already; setText() with an unchanged text does neither.
void clearText(QLabel *label)
{
    label->setText(QString());
}
} // namespace

EditorPanel::EditorPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("editorPanel"));
    setAccessibleName(tr("Setting editor"));
    auto *layout = new QVBoxLayout(this);

    m_conflictBar = new QFrame(this);
    m_conflictBar->setObjectName(QStringLiteral("conflictBar"));
    m_conflictBar->setFrameShape(QFrame::StyledPanel);
    ThemeColors::setBarTone(m_conflictBar, ThemeColors::Neutral);
    auto *barLayout = new QHBoxLayout(m_conflictBar);
    // One line whatever the panel's width: a wrapped text made the bar tall
    // and pushed the splitter each time it appeared.
    m_conflictText = new ElidedLabel(m_conflictBar);
    m_conflictText->setObjectName(QStringLiteral("conflictText"));
    // Alt+K and Alt+A: letters no other control of the window's uses.
    m_keepMine = new QPushButton(tr("&Keep mine"), m_conflictBar);
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_takeTheirs = new QPushButton(tr("T&ake theirs"), m_conflictBar);
    m_takeTheirs->setObjectName(QStringLiteral("takeTheirs"));
    barLayout->addWidget(m_conflictText, 1);
    barLayout->addWidget(m_keepMine);
    barLayout->addWidget(m_takeTheirs);
    m_conflictBar->hide();
    connect(m_keepMine, &QPushButton::clicked, this, &EditorPanel::keepMine);
    connect(m_takeTheirs, &QPushButton::clicked, this, &EditorPanel::takeTheirs);
    layout->addWidget(m_conflictBar);

    m_title = wrappingLabel(QStringLiteral("title"), this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_keyLabel = wrappingLabel(QStringLiteral("keyPath"), this);
    m_description = wrappingLabel(QStringLiteral("description"), this);
    layout->addWidget(m_title);
    layout->addWidget(m_keyLabel);
    layout->addWidget(m_description);

    auto *facts = new QFormLayout;
    m_type = wrappingLabel(QStringLiteral("type"), this);
    m_default = wrappingLabel(QStringLiteral("default"), this);
    m_current = wrappingLabel(QStringLiteral("current"), this);
    facts->addRow(tr("Type:"), m_type);
    facts->addRow(tr("Default:"), m_default);
    facts->addRow(tr("In the file:"), m_current);
    layout->addLayout(facts);

    m_editorSlot = new QVBoxLayout;
    layout->addLayout(m_editorSlot);
    m_message = wrappingLabel(QStringLiteral("message"), this);
    ThemeColors::setTextTone(m_message, ThemeColors::Negative);
    m_message->setAccessibleName(tr("Problem with the value"));
    layout->addWidget(m_message);

    m_reset = new QPushButton(tr("Reset to default"), this);
    m_reset->setObjectName(QStringLiteral("resetButton"));
    m_reset->setToolTip(tr("Ctrl+Del"));
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (!m_key.isEmpty())
            Q_EMIT resetRequested(m_key);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reset);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    clear();
}

void EditorPanel::clear()
{
    flushPending();
    m_key.clear();
    m_title->setText(tr("No setting selected"));
    m_keyLabel->clear();
    m_description->setText(tr("Select a key in the tree to see and change it."));
    m_type->clear();
    m_default->clear();
    m_current->clear();
    clearText(m_message);
    m_reset->setEnabled(false);
    Q_EMIT resetAvailable(false);
    m_conflictBar->hide();
    delete m_editor;
    m_editor = nullptr;
}

void EditorPanel::showKey(const QString &key, const EditorSpec &spec,
                          const std::optional<Json> &value, const KeyPath &path,
                          ValueEditor::Check check)
{
    flushPending();
    m_key = key;
    m_path = path;
    m_check = std::move(check);
    m_spec = spec;
    m_userEdited = false;
    m_mine.reset();
    m_inFlight.clear();
    m_conflictBar->hide();
    m_title->setText(spec.title.isEmpty() ? key.section(QLatin1Char('.'), -1) : spec.title);
    m_keyLabel->setText(key);
    m_description->setText(spec.description);
    m_description->setVisible(!spec.description.isEmpty());
    QString type = spec.types.isEmpty() ? (value ? jsonTypeName(*value) : QString())
                                        : spec.types.join(QStringLiteral(" or "));
    const QString constraints = spec.constraintsText();
    m_type->setText(constraints.isEmpty() ? type : type + QStringLiteral("; ") + constraints);
    m_default->setText(spec.defaultValue ? shownText(*spec.defaultValue) : tr("(none)"));
    rebuildEditor(value);
    showValue(value);
}

void EditorPanel::rebuildEditor(const std::optional<Json> &value)
{
    delete m_editor;
    m_editor =
        ValueEditor::create(m_spec, value ? &*value : nullptr, ValueEditor::Context::Panel, this);
    m_editor->setObjectName(QStringLiteral("panelEditor"));
    m_editor->setCheck(m_path, m_check);
    m_editor->setEnabled(!m_spec.readOnly);
    m_editorSlot->addWidget(m_editor);
    m_editor->show(); // now, so Tab can reach it at once
    // By the field that takes the focus: setTabOrder() passes over a widget
    // that takes none itself, as the editor's frame.
    QWidget *field = m_editor->focusProxy() ? m_editor->focusProxy() : m_editor;
    if (m_tabPredecessor)
        QWidget::setTabOrder(m_tabPredecessor, field);
    // The editor's own buttons (a list's Add, Remove, Up, Down; a secret's
    // Reveal) come right after its field, in the order they were made.
    QWidget *last = field;
    for (auto *button : m_editor->findChildren<QAbstractButton *>()) {
        if (button == field || !(button->focusPolicy() & Qt::TabFocus))
            continue;
        QWidget::setTabOrder(last, button);
        last = button;
    }
    // The bar's choices, when it is up, come right after the field (Tab
    // passes over them while it is hidden).
    QWidget::setTabOrder(last, m_keepMine);
    QWidget::setTabOrder(m_keepMine, m_takeTheirs);
    QWidget::setTabOrder(m_takeTheirs, m_reset);
    connect(m_editor, &ValueEditor::edited, this, &EditorPanel::onEdited);
    connect(m_editor, &ValueEditor::submitted, this, &EditorPanel::commit);
    connect(m_editor, &ValueEditor::cancelled, this, &EditorPanel::revert);
    m_editor->installEventFilter(this);
    for (QWidget *part : m_editor->findChildren<QWidget *>())
        part->installEventFilter(this);
    clearText(m_message);
}

bool EditorPanel::holdsWrittenValue() const
{
    const auto value = m_editor ? m_editor->value() : std::nullopt;
    if (!value)
        return false;
    if (!m_inFlight.empty())
        return jsEqual(m_inFlight.back(), *value);
    return m_fileValue ? jsEqual(*m_fileValue, *value)
                       : m_spec.defaultValue && jsEqual(*m_spec.defaultValue, *value);
}

bool EditorPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) &&
            holdsWrittenValue()) {
            event->ignore(); // not the field's: the window's shortcut takes it
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EditorPanel::showValue(const std::optional<Json> &value)
{
    m_fileValue = value;
    m_current->setText(value ? shownText(*value) : tr("(not set)"));
    // Nothing to reset when the value already is the default (a key not in
    // the file reads as its default, as the app's store fills it in).
    const bool atDefault = m_spec.defaultValue && (!value || jsEqual(*value, *m_spec.defaultValue));
    m_reset->setEnabled(m_spec.defaultValue.has_value() && !m_spec.readOnly && !atDefault);
    m_reset->setToolTip(atDefault ? tr("The value already is the default") : tr("Ctrl+Del"));
    Q_EMIT resetAvailable(m_reset->isEnabled());
    const QString problem = value && m_check ? problemWords(m_check(*value), m_path) : QString();
    if (!problem.isEmpty() && !m_userEdited)
        m_message->setText(tr("The file holds a value the schema refuses: %1").arg(problem));
}

// A value as a person reads it: an enum's title ("Follow the system"), a
// secret masked, anything else in one line.
QString EditorPanel::shownText(const Json &value) const
{
    if (value.is_string() && value.get_ref<const std::string &>().empty())
        return tr("(empty)"); // a blank line would read as "nothing"
    if (m_spec.secret)
        return displayText(maskedValue(value), 160);
    const QString title = m_spec.enumTitle(value);
    if (!title.isEmpty())
        return title;
    return displayText(value, 160);
}

bool EditorPanel::canReset() const
{
    return m_reset->isEnabled();
}

void EditorPanel::onEdited()
{
    m_userEdited = true;
    m_message->setText(m_editor->problem());
}

void EditorPanel::revert()
{
    if (!m_editor)
        return;
    // Esc with the bar up is Take theirs: the field shows the file's value
    // (rebuilt, for a key the other program removed).
    if (!m_conflictBar->isHidden()) {
        takeTheirs();
        return;
    }
    m_userEdited = false;
    if (m_fileValue)
        m_editor->setValue(*m_fileValue);
    else if (m_spec.defaultValue)
        m_editor->setValue(*m_spec.defaultValue);
    clearText(m_message);
    showValue(m_fileValue);
}

void EditorPanel::commit()
{
    if (!m_editor || !m_userEdited)
        return;
    const auto value = m_editor->value();
    const QString problem = m_editor->problem();
    if (!value || !problem.isEmpty()) {
        // Stays in the field, explained under it; nothing is written.
        m_message->setText(problem);
        return;
    }
    if (!m_conflictBar->isHidden()) {
        // The bar asks the person to choose. The focus leaving the field
        // (Tab, a click on Take theirs) is no choice; Enter in the field, or
        // a toggle clicked, is Keep mine.
        // The field itself, or a part of it (a spin box's text): not one of
        // the editor's buttons beside it (a secret's Reveal).
        QWidget *field = m_editor->focusProxy() ? m_editor->focusProxy() : m_editor;
        QWidget *focus = QApplication::focusWidget();
        if (!focus || (focus != field && !field->isAncestorOf(focus))) {
            m_message->setText(tr("Not written: the file's value changed while you typed. "
                                  "Choose Keep mine (Alt+K) or Take theirs (Alt+A)."));
            return;
        }
        m_conflictBar->hide();
        m_mine.reset();
    }
    clearText(m_message);
    // What the field holds is handed over (or is the file's already): the
    // person is no longer editing, so a later change from outside is the
    // file's new value, not a conflict with typing. Typing more sets it again.
    m_userEdited = false;
    if (m_fileValue && jsEqual(*m_fileValue, *value))
        return;
    if (!m_writable) {
        m_userEdited = true;
        m_message->setText(tr("Not written: the settings file cannot be read. What you typed "
                              "stays here; press Enter to write it once the file reads again."));
        return;
    }
    // The same value is on its way already (a second Enter, focus leaving,
    // the window closing before the write came back): not asked twice.
    if (!m_inFlight.empty() && jsEqual(m_inFlight.back(), *value))
        return;
    m_inFlight.push_back(*value);
    Q_EMIT editRequested(m_key, *value);
}

void EditorPanel::setWritable(bool writable)
{
    if (m_writable == writable)
        return;
    m_writable = writable;
    if (writable && m_userEdited && !holdsWrittenValue())
        m_message->setText(tr("The file reads again; what you typed is not written yet: press "
                              "Enter to write it, Esc to take the file's value."));
}

void EditorPanel::setRevealed(bool revealed)
{
    auto *reveal =
        m_editor ? m_editor->findChild<QAbstractButton *>(QStringLiteral("revealButton")) : nullptr;
    if (reveal)
        reveal->setChecked(revealed);
}

void EditorPanel::flushPending()
{
    // Closing is no choice between mine and theirs: the file keeps its value.
    if (!m_conflictBar->isHidden())
        return;
    commit();
}

void EditorPanel::showRefusal(const QString &message, const std::optional<Json> &mine)
{
    m_inFlight.clear();
    m_message->setText(message);
    if (mine) {
        m_mine = mine;
        m_conflictText->setFullText(message);
        m_conflictBar->show();
    }
}

void EditorPanel::valueChanged(const std::optional<Json> &value, bool external)
{
    const bool differs =
        !value || !m_editor || !m_editor->value() || !jsEqual(*value, *m_editor->value());
    if (external && m_userEdited && differs) {
        m_mine.reset();
        m_conflictText->setFullText(
            tr("%1 was changed by another program to %2 while you were editing it.")
                .arg(m_key, value ? shownText(*value) : tr("(removed)")));
        m_conflictBar->show();
        showValue(value);
        return;
    }
    // Our own writes come back as change events; anything else (undo, redo,
    // an inline edit, another program) replaces what the editor shows.
    bool ownEcho = false;
    if (!external && value) {
        for (size_t i = 0; i < m_inFlight.size() && !ownEcho; ++i) {
            if (jsEqual(m_inFlight[i], *value)) {
                m_inFlight.erase(m_inFlight.begin(), m_inFlight.begin() + long(i) + 1);
                ownEcho = true;
            }
        }
    }
    if (m_editor && value && differs && !ownEcho) {
        m_editor->setValue(*value);
        m_userEdited = false;
        m_inFlight.clear();
        clearText(m_message);
    }
    showValue(value);
}

void EditorPanel::showOverwritten(const std::optional<Json> &theirs, const Json &ours)
{
    if (!m_editor)
        return;
    // The field shows what the file holds: a value put back in it would be
    // written by the next focus change, which nobody asked for.
    m_inFlight.clear();
    if (theirs)
        m_editor->setValue(*theirs);
    else
        rebuildEditor(std::nullopt); // removed: the field as for a key not set
    m_userEdited = false;
    m_mine = ours;
    m_conflictText->setFullText(
        tr("%1 was changed by another program to %2 right after you set it to %3.")
            .arg(m_key, theirs ? shownText(*theirs) : tr("(removed)"), shownText(ours)));
    m_conflictBar->show();
    showValue(theirs);
}

void EditorPanel::dismissConflict()
{
    // A bar about a write of ours (refused, or written over) goes; one about
    // typing not written yet stays for the person to settle.
    if (!m_conflictBar->isHidden() && m_mine)
        takeTheirs();
}

bool EditorPanel::isConflictShown() const
{
    return !m_conflictBar->isHidden();
}

QString EditorPanel::message() const
{
    return m_message->text();
}

void EditorPanel::keepMine()
{
    m_conflictBar->hide();
    const auto mine = m_mine ? m_mine : m_editor ? m_editor->value() : std::nullopt;
    m_mine.reset();
    if (mine && refusal(*mine).isEmpty()) {
        // The field shows what is sent (its echo leaves the field alone).
        if (m_editor)
            m_editor->setValue(*mine);
        m_inFlight.push_back(*mine);
        clearText(m_message);
        Q_EMIT editRequested(m_key, *mine);
    }
}

QString EditorPanel::refusal(const Json &value) const
{
    return m_check ? refusalWords(m_check(value), m_path) : QString();
}

void EditorPanel::takeTheirs()
{
    m_conflictBar->hide();
    m_userEdited = false;
    m_mine.reset();
    clearText(m_message);
    rebuildEditor(m_fileValue);
    showValue(m_fileValue);
}

} // namespace tad
