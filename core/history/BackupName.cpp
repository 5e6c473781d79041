#include "BackupName.h"

#include <QRegularExpression>
#include <QTimeZone>
#include <openssl/evp.h>

namespace tad {

Clock systemClock()
{
    return [] {
        return QDateTime::currentDateTimeUtc();
    };
}

namespace backupname {

namespace {

const QRegularExpression &namePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\Abackup-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-"
                       "([0-9a-f]{8})\\.json\\z"));
    return pattern;
}

} // namespace

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

std::optional<QDateTime> parseIsoTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

QString make(const QDateTime &time, const QString &sha256Hex)
{
    QString stamp = isoTime(time);
    stamp.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("backup-%1-%2.json").arg(stamp, sha256Hex.left(8).toLower());
}

bool isBackupName(const QString &name)
{
    return name.size() < 64 && namePattern().match(name).hasMatch();
}

std::optional<QDateTime> timeOf(const QString &name)
{
    const auto match = namePattern().match(name);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt(), match.captured(7).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

QString hashPrefixOf(const QString &name)
{
    const auto match = namePattern().match(name);
    return match.hasMatch() ? match.captured(8) : QString();
}

QString metaNameOf(const QString &name)
{
    return name + QLatin1String(kMetaSuffix);
}

// libcrypto's SHA-256 uses the CPU's SHA instructions where it has them: a
// megabyte in well under a millisecond, about ten times QCryptographicHash.
// Every change to the file hashes the new content once for its history entry,
// so this is on the path of each `set`.
QString sha256Hex(std::string_view bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        qFatal("SHA-256 is not available from libcrypto");
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

} // namespace backupname
} // namespace tad
