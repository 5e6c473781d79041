// The one rule for a likely typo: the nearest name within two edits, fewer
// than half the typed length, a swap of neighbours counted as one edit.
#include "keys/NearestName.h"

#include <QTest>

using namespace tad;

class TestNearestName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("distance");
        QTest::newRow("same") << "name"
                              << "name" << 0;
        QTest::newRow("one replaced") << "nane"
                                      << "name" << 1;
        QTest::newRow("one missing") << "nam"
                                     << "name" << 1;
        QTest::newRow("one more") << "namee"
                                  << "name" << 1;
        QTest::newRow("neighbours swapped") << "nmae"
                                            << "name" << 1;
        QTest::newRow("last two swapped") << "naem"
                                          << "name" << 1;
        QTest::newRow("swapped and replaced") << "nmaz"
                                              << "name" << 2;
        QTest::newRow("empty") << ""
                               << "name" << 4;
        QTest::newRow("unrelated") << "zoom"
                                   << "name" << 4;
        QTest::newRow("an option") << "dryrun"
                                   << "dry-run" << 1;
    }
    void distance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, distance);
        QCOMPARE(editDistance(a, b), distance);
        QCOMPARE(editDistance(b, a), distance);
    }

    void nearest_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a short name, swapped") << "nmae"
                                               << "name";
        QTest::newRow("a short name, last two swapped") << "naem"
                                                        << "name";
        QTest::newRow("a longer one") << "langauge"
                                      << "language";
        QTest::newRow("too far") << "xyzw"
                                 << "";
        QTest::newRow("too short to judge") << "nm"
                                            << "";
    }
    void nearest()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const QStringList names{QStringLiteral("name"), QStringLiteral("email"),
                                QStringLiteral("language"), QStringLiteral("preferences")};
        QCOMPARE(tad::nearest(typed, names), expected);
    }
};

QTEST_GUILESS_MAIN(TestNearestName)
#include "tst_nearestname.moc"
