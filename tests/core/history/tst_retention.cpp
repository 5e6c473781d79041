// Retention over a simulated year: a backup every few hours, the clock
// injected, pruning after every backup as the app does; after each one the
// policy's promises are checked against an independent record.
#include "HistoryTestHelpers.h"
#include "history/BackupManager.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <random>

using namespace tad;
using namespace historytest;

namespace {

qint64 day(const QDateTime &t)
{
    return t.date().toJulianDay();
}
qint64 week(const QDateTime &t)
{
    return t.date().toJulianDay() / 7;
}
qint64 month(const QDateTime &t)
{
    return t.date().year() * 12LL + t.date().month() - 1;
}

} // namespace

class tst_Retention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulatedYear()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("tad-config.json"));
        ManualClock clock;
        BackupManager backups(store);
        backups.setClock(clock.clock());
        const RetentionPolicy policy; // 10 last, 7 daily, 5 weekly, 12 monthly
        backups.setRetention(policy);

        std::mt19937 rng(7);
        std::map<QString, QDateTime> created; // every backup ever made
        int checks = 0;
        const QDateTime end = clock.now().addDays(366);
        for (int n = 0; clock.now() < end; ++n) {
            // Mostly every few hours, sometimes a quiet week.
            clock.advanceSecs(std::uniform_int_distribution<int>(1, 10)(rng) * 3600 +
                              (n % 97 == 0 ? 7 * 86400 : 0));
            writeBytes(store, "{\"n\":" + std::to_string(n) + "}");
            auto made = backups.create(QStringLiteral("scheduled"));
            QVERIFY(made.ok());
            created[made->info.name] = clock.now();

            QSet<QString> present;
            const auto listed = backups.list();
            for (const auto &b : *listed)
                present.insert(b.name);
            // Newest first, from the record.
            std::vector<std::pair<QDateTime, QString>> all;
            for (const auto &[name, t] : created)
                all.push_back({t, name});
            std::sort(all.rbegin(), all.rend());

            for (int i = 0; i < policy.keepLast && i < int(all.size()); ++i)
                QVERIFY2(present.contains(all[std::size_t(i)].second),
                         "one of the last 10 is gone");
            auto promise = [&](int periods, qint64 (*periodOf)(const QDateTime &),
                               const char *what) {
                std::set<qint64> seen;
                for (const auto &[t, name] : all) {
                    const qint64 p = periodOf(t);
                    if (periodOf(clock.now()) - p >= periods || seen.count(p))
                        continue;
                    seen.insert(p); // `name` is the newest of its period
                    QVERIFY2(present.contains(name), what);
                    ++checks;
                }
            };
            promise(policy.keepDaily, day, "the newest of one of the last 7 days is gone");
            promise(policy.keepWeekly, week, "the newest of one of the last 5 weeks is gone");
            promise(policy.keepMonthly, month, "the newest of one of the last 12 months is gone");
            QVERIFY(present.size() <= qsizetype(policy.keepLast + policy.keepDaily +
                                                policy.keepWeekly + policy.keepMonthly));
        }
        QVERIFY(created.size() > 1000);
        QVERIFY(checks > 10000);
        // After a year: about a month of the trail is covered by monthly ones.
        const auto finalCount = backups.list()->size();
        QVERIFY2(finalCount >= 20 && finalCount <= 34, qPrintable(QString::number(finalCount)));
    }

    void damagedTakeNoSlotButNewestValidStays()
    {
        const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
        std::vector<RetentionCandidate> candidates;
        for (int i = 0; i < 5; ++i)
            candidates.push_back(
                {QStringLiteral("b%1").arg(i), now.addDays(-i * 40), i < 3 ? false : true, false});
        const RetentionPolicy onlyOne{1, 0, 0, 0};
        const RetentionDecision decision = onlyOne.decide(candidates, now);
        // b0..b2 are damaged: they take no slot and go; b3 is the newest valid.
        QCOMPARE(decision.keep, QStringList{QStringLiteral("b3")});
        QCOMPARE(decision.remove, (QStringList{"b0", "b1", "b2", "b4"}));
        // A policy of zeros still keeps the newest valid backup.
        const RetentionDecision none = RetentionPolicy{0, 0, 0, 0}.decide(candidates, now);
        QCOMPARE(none.keep, QStringList{QStringLiteral("b3")});
        QCOMPARE(none.reason.at(QStringLiteral("b3")), QStringLiteral("newest"));
    }

    void seedCompatibleKeepsTen()
    {
        const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
        std::vector<RetentionCandidate> candidates;
        for (int i = 0; i < 30; ++i)
            candidates.push_back({QStringLiteral("b%1").arg(i, 2, 10, QLatin1Char('0')),
                                  now.addSecs(-i * 3600), true, i == 25});
        const RetentionDecision decision =
            RetentionPolicy::seedCompatible().decide(candidates, now);
        QCOMPARE(decision.keep.size(), 11); // ten newest plus the pinned one
        QVERIFY(decision.keep.contains(QStringLiteral("b25")));
    }
};

QTEST_GUILESS_MAIN(tst_Retention)
#include "tst_retention.moc"
