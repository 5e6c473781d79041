// The history panels' worker: listing backups, loading and diffing
// documents, so a folder of 1,000 backups or two 1 MB configs never stall
// the window. A SerialWorker of its own, named for what it does.
#pragma once

#include "SerialWorker.h"

namespace tad {

class BackgroundWorker : public SerialWorker
{
    Q_OBJECT
public:
    explicit BackgroundWorker(QObject *parent = nullptr)
        : SerialWorker(QStringLiteral("tad-history"), parent)
    {}
};

} // namespace tad
