// What tad-settings-cli prints and writes: text by default, JSON with --json.
#include "CliFixture.h"

using namespace clitest;

class TestCliOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!cliPath().isEmpty()); }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_cli_output.moc"
