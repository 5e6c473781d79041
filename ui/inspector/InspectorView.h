// The seed's store info and performance monitor: path, size, keys, version,
// conf's migration marker, file mode, style, watcher state, and per
// operation how many, how long and how many failed. Read on the store's
// worker; refreshed every two seconds while visible.
#pragma once

#include "store/PerformanceMonitor.h"
#include "store/Store.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace tad {

class StoreSession;

class InspectorView : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorView(StoreSession *session, QWidget *parent = nullptr);

    void refresh();
public Q_SLOTS:
    void setWatching(bool watching);

public:
    QTreeWidget *operationsTable() const { return m_operations; }

Q_SIGNALS:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showInfo(const Result<StoreInfo> &info, const PerformanceMonitor &monitor);

    StoreSession *m_session;
    QTimer m_timer;
    QLabel *m_watching;
    QTreeWidget *m_operations;
};

} // namespace tad
