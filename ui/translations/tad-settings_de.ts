<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChangeWords</name>
    <message>
        <source>Made by hand</source>
        <translation>Von Hand angelegt</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>von Hand angelegt</translation>
    </message>
    <message>
        <source>When the file was opened</source>
        <translation>Beim Öffnen der Datei</translation>
    </message>
    <message>
        <source>when the file was opened</source>
        <translation>beim Öffnen der Datei</translation>
    </message>
    <message>
        <source>Before a migration</source>
        <translation>Vor einer Migration</translation>
    </message>
    <message>
        <source>before a migration</source>
        <translation>vor einer Migration</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Before clearing the settings</source>
        <translation>Vor dem Leeren der Einstellungen</translation>
    </message>
    <message>
        <source>before clearing the settings</source>
        <translation>vor dem Leeren der Einstellungen</translation>
    </message>
    <message>
        <source>Before an important setting changed</source>
        <translation>Vor der Änderung einer wichtigen Einstellung</translation>
    </message>
    <message>
        <source>before an important setting changed</source>
        <translation>vor der Änderung einer wichtigen Einstellung</translation>
    </message>
    <message>
        <source>Removed in TAD Settings</source>
        <translation>In TAD Settings entfernt</translation>
    </message>
    <message>
        <source>Edited in TAD Settings</source>
        <translation>In TAD Settings bearbeitet</translation>
    </message>
    <message>
        <source>Removed with the command line</source>
        <translation>Über die Befehlszeile entfernt</translation>
    </message>
    <message>
        <source>Cleared with the command line</source>
        <translation>Über die Befehlszeile geleert</translation>
    </message>
    <message>
        <source>Changed with the command line</source>
        <translation>Über die Befehlszeile geändert</translation>
    </message>
    <message>
        <source>Changed by the app</source>
        <translation>Von der App geändert</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>Some keys restored from a backup</source>
        <translation>Einige Schlüssel aus einer Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Aus einer Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Rollback of an earlier change</source>
        <translation>Rücknahme einer früheren Änderung</translation>
    </message>
    <message>
        <source>Rollback of the change from %1</source>
        <translation>Rücknahme der Änderung von %1</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Migration to %1</source>
        <translation>Migration auf %1</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurückgesetzt</translation>
    </message>
    <message>
        <source>Recovered from a backup</source>
        <translation>Aus einer Sicherung repariert</translation>
    </message>
    <message>
        <source>in TAD Settings</source>
        <translation>in TAD Settings</translation>
    </message>
    <message>
        <source>with the command line</source>
        <translation>über die Befehlszeile</translation>
    </message>
    <message>
        <source>by the app</source>
        <translation>von der App</translation>
    </message>
    <message>
        <source>by an undo in TAD Settings</source>
        <translation>durch Rückgängig in TAD Settings</translation>
    </message>
    <message>
        <source>by a redo in TAD Settings</source>
        <translation>durch Wiederholen in TAD Settings</translation>
    </message>
    <message>
        <source>by a restore</source>
        <translation>durch eine Wiederherstellung</translation>
    </message>
    <message>
        <source>by a rollback</source>
        <translation>durch eine Rücknahme</translation>
    </message>
    <message>
        <source>by a migration</source>
        <translation>durch eine Migration</translation>
    </message>
    <message>
        <source>by the migration to %1</source>
        <translation>durch die Migration auf %1</translation>
    </message>
    <message>
        <source>by a reset to default</source>
        <translation>durch Zurücksetzen auf den Standard</translation>
    </message>
    <message>
        <source>by a recovery</source>
        <translation>durch eine Reparatur</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <source>the whole file</source>
        <translation>die ganze Datei</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, %2 and %3</source>
        <translation>%1, %2 und %3</translation>
    </message>
    <message>
        <source>%1, %2 and %3 more keys</source>
        <translation>%1, %2 und %3 weitere Schlüssel</translation>
    </message>
    <message>
        <source>No details</source>
        <translation>Keine Angaben</translation>
    </message>
    <message>
        <source>the backup from %1 (“%2”)</source>
        <translation>die Sicherung von %1 („%2“)</translation>
    </message>
    <message>
        <source>the backup from %1 (%2)</source>
        <translation>die Sicherung von %1 (%2)</translation>
    </message>
    <message>
        <source>the backup from %1</source>
        <translation>die Sicherung von %1</translation>
    </message>
    <message>
        <source>Backup from %1</source>
        <translation>Sicherung von %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>day and month, then the time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>date format: day and month</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, then the time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format with the year</comment>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>the change from %1</source>
        <translation>die Änderung von %1</translation>
    </message>
</context>
<context>
    <name>EditorSpec</name>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>mehr als %1</translation>
    </message>
    <message>
        <source>less than %1</source>
        <translation>weniger als %1</translation>
    </message>
    <message>
        <source>format %1</source>
        <translation>Format %1</translation>
    </message>
    <message>
        <source>pattern %1</source>
        <translation>Muster %1</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>at least %1 items</source>
        <translation>mindestens %1 Einträge</translation>
    </message>
    <message>
        <source>at most %1 items</source>
        <translation>höchstens %1 Einträge</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>eins von: %1</translation>
    </message>
    <message>
        <source>{1 key}</source>
        <translation>{1 Schlüssel}</translation>
    </message>
    <message>
        <source>{%1 keys}</source>
        <translation>{%1 Schlüssel}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Eintrag]</translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation>[%1 Einträge]</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 minute ago</source>
        <translation>vor %1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <source>%1 hour ago</source>
        <translation>vor %1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>%1 day ago</source>
        <translation>vor %1 Tag</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>%1 week ago</source>
        <translation>vor %1 Woche</translation>
    </message>
    <message>
        <source>%1 weeks ago</source>
        <translation>vor %1 Wochen</translation>
    </message>
    <message>
        <source>%1 month ago</source>
        <translation>vor %1 Monat</translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation>vor %1 Monaten</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>back to default</source>
        <translation>zurück zum Standard</translation>
    </message>
    <message>
        <source>secret changed (shown masked)</source>
        <translation>Geheimnis geändert (maskiert gezeigt)</translation>
    </message>
    <message>
        <source>(whole document)</source>
        <translation>(ganzes Dokument)</translation>
    </message>
    <message>
        <source>now invalid: %1</source>
        <translation>jetzt ungültig: %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Restore &amp;all</source>
        <translation>&amp;Alles wiederherstellen</translation>
    </message>
    <message>
        <source>Restore &amp;checked keys</source>
        <translation>&amp;Markierte Schlüssel wiederherstellen</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Exists</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Top-level keys</source>
        <translation>Schlüssel der obersten Ebene</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>The app&apos;s migration record</source>
        <translation>Migrationsvermerk der App</translation>
    </message>
    <message>
        <source>File mode</source>
        <translation>Dateirechte</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Schreibweise</translation>
    </message>
    <message>
        <source>reset %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>%1 setzen</translation>
    </message>
</context>
<context>
    <name>SchemaHints</name>
    <message>
        <source>cannot read the schema %1: %2</source>
        <translation>das Schema %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the schema %1 is not JSON: %2</source>
        <translation>das Schema %1 ist kein JSON: %2</translation>
    </message>
</context>
<context>
    <name>StartupConfig</name>
    <message>
        <source>No settings file at %1 and the demo copy %2 cannot be made: %3</source>
        <translation>Keine Einstellungsdatei unter %1, und die Demo-Kopie %2 kann nicht angelegt werden: %3</translation>
    </message>
    <message>
        <source>No TAD settings were found at %1, so this is a demo copy (%2). Changes here do not reach the TAD app. Open your own file with File &gt; Open or drop it here.</source>
        <translation>Unter %1 wurden keine TAD-Einstellungen gefunden, daher ist dies eine Demo-Kopie (%2). Änderungen hier erreichen die TAD-App nicht. Öffnen Sie Ihre eigene Datei mit Datei &gt; Öffnen oder ziehen Sie sie hierher.</translation>
    </message>
</context>
<context>
    <name>ViolationWords</name>
    <message>
        <source>must be %1</source>
        <translation>muss vom Typ %1 sein</translation>
    </message>
    <message>
        <source>must be equal to one of the allowed values</source>
        <translation>muss einer der erlaubten Werte sein</translation>
    </message>
    <message>
        <source>must be equal to %1</source>
        <translation>muss gleich %1 sein</translation>
    </message>
    <message>
        <source>must be &lt;= %1</source>
        <translation>muss &lt;= %1 sein</translation>
    </message>
    <message>
        <source>must be &gt;= %1</source>
        <translation>muss &gt;= %1 sein</translation>
    </message>
    <message>
        <source>must be &lt; %1</source>
        <translation>muss &lt; %1 sein</translation>
    </message>
    <message>
        <source>must be &gt; %1</source>
        <translation>muss &gt; %1 sein</translation>
    </message>
    <message>
        <source>must be a multiple of %1</source>
        <translation>muss ein Vielfaches von %1 sein</translation>
    </message>
    <message>
        <source>must NOT have more than %1 characters</source>
        <translation>darf NICHT mehr als %1 Zeichen haben</translation>
    </message>
    <message>
        <source>must NOT have fewer than %1 characters</source>
        <translation>darf NICHT weniger als %1 Zeichen haben</translation>
    </message>
    <message>
        <source>must match pattern &quot;%1&quot;</source>
        <translation>muss dem Muster „%1“ entsprechen</translation>
    </message>
    <message>
        <source>must match format &quot;%1&quot;</source>
        <translation>muss dem Format „%1“ entsprechen</translation>
    </message>
    <message>
        <source>must NOT have more than %1 items</source>
        <translation>darf NICHT mehr als %1 Einträge haben</translation>
    </message>
    <message>
        <source>must NOT have fewer than %1 items</source>
        <translation>darf NICHT weniger als %1 Einträge haben</translation>
    </message>
    <message>
        <source>must NOT have duplicate items (items %1 and %2 are identical)</source>
        <translation>darf KEINE doppelten Einträge haben (Einträge %1 und %2 sind gleich)</translation>
    </message>
    <message>
        <source>must have the key %1</source>
        <translation>muss den Schlüssel %1 haben</translation>
    </message>
    <message>
        <source>must NOT have the key %1</source>
        <translation>darf den Schlüssel %1 NICHT haben</translation>
    </message>
</context>
<context>
    <name>tad::AboutDialog</name>
    <message>
        <source>About TAD Settings</source>
        <translation>Über TAD Settings</translation>
    </message>
    <message>
        <source>TAD Settings %1</source>
        <translation>TAD Settings %1</translation>
    </message>
    <message>
        <source>A settings editor and inspector for TAD&apos;s tad-config.json, safe to use while the app is running.</source>
        <translation>Ein Editor und Prüfwerkzeug für TADs tad-config.json, sicher nutzbar, während die App läuft.</translation>
    </message>
    <message>
        <source>Licensed under the MIT licence (%1). Qt is used under the GNU LGPL version 3.</source>
        <translation>Lizenziert unter der MIT-Lizenz (%1). Qt wird unter der GNU LGPL Version 3 verwendet.</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>Window layout</source>
        <translation>Fensteranordnung</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>tad::BackupTimelineView</name>
    <message>
        <source>Label for a new backup (optional)</source>
        <translation>Bezeichnung für eine neue Sicherung (optional)</translation>
    </message>
    <message>
        <source>Backup label</source>
        <translation>Bezeichnung der Sicherung</translation>
    </message>
    <message>
        <source>&amp;Create backup</source>
        <translation>Sicherung &amp;anlegen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Stand der Sicherungen</translation>
    </message>
    <message>
        <source>No backups yet. A backup keeps a copy of the whole settings file that you can restore later.</source>
        <translation>Noch keine Sicherungen. Eine Sicherung bewahrt eine Kopie der ganzen Einstellungsdatei auf, die Sie später wiederherstellen können.</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Sicherung anlegen</translation>
    </message>
    <message>
        <source>Reading the backups folder...</source>
        <translation>Der Sicherungsordner wird gelesen …</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sicherungen, neueste zuerst</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>&amp;Restore...</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>Shows what would change, then restores all or the checked keys</source>
        <translation>Zeigt, was sich ändern würde, und stellt dann alles oder die markierten Schlüssel wieder her</translation>
    </message>
    <message>
        <source>Compare with c&amp;urrent</source>
        <translation>Mit der a&amp;ktuellen vergleichen</translation>
    </message>
    <message>
        <source>Compare &amp;two</source>
        <translation>&amp;Zwei vergleichen</translation>
    </message>
    <message>
        <source>Select two backups to compare them</source>
        <translation>Wählen Sie zwei Sicherungen, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>&amp;Label...</source>
        <translation>&amp;Bezeichnen …</translation>
    </message>
    <message>
        <source>Give the selected backup a label, or change it</source>
        <translation>Der gewählten Sicherung eine Bezeichnung geben oder sie ändern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Read every backup and check its SHA-256</source>
        <translation>Jede Sicherung lesen und ihre SHA-256-Prüfsumme prüfen</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Select a backup and press Enter (or Compare with current) to see how it differs from the settings file.</source>
        <translation>Wählen Sie eine Sicherung und drücken Sie die Eingabetaste (oder „Mit der aktuellen vergleichen“), um zu sehen, wie sie sich von der Einstellungsdatei unterscheidet.</translation>
    </message>
    <message>
        <source>No metadata file</source>
        <translation>Keine Metadaten-Datei</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>beschädigt: %1</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>size ok</source>
        <translation>Größe stimmt</translation>
    </message>
    <message>
        <source>%1 backup in %2</source>
        <translation>%1 Sicherung in %2</translation>
    </message>
    <message>
        <source>%1 backups in %2</source>
        <translation>%1 Sicherungen in %2</translation>
    </message>
    <message>
        <source>Creating a backup...</source>
        <translation>Eine Sicherung wird angelegt …</translation>
    </message>
    <message>
        <source>No backup made: %1</source>
        <translation>Keine Sicherung angelegt: %1</translation>
    </message>
    <message>
        <source>Nothing new to keep: %1 already holds this content.</source>
        <translation>Nichts Neues aufzubewahren: %1 enthält diesen Inhalt schon.</translation>
    </message>
    <message>
        <source>Backup created at %1.</source>
        <translation>Sicherung um %1 angelegt.</translation>
    </message>
    <message>
        <source>Comparing %1 with the current file...</source>
        <translation>%1 wird mit der aktuellen Datei verglichen …</translation>
    </message>
    <message>
        <source>Current file</source>
        <translation>Aktuelle Datei</translation>
    </message>
    <message>
        <source>Comparing two backups...</source>
        <translation>Zwei Sicherungen werden verglichen …</translation>
    </message>
    <message>
        <source>After restoring %1</source>
        <translation>Nach dem Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>Preparing the restore preview...</source>
        <translation>Die Vorschau der Wiederherstellung wird vorbereitet …</translation>
    </message>
    <message>
        <source>Cannot restore %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>Nothing to restore: the file already holds %1.</source>
        <translation>Nichts wiederherzustellen: Die Datei enthält schon %1.</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>Restoring this backup makes exactly these changes to the settings file. A backup of the current file is taken first. Check keys to restore only those.</source>
        <translation>Das Wiederherstellen dieser Sicherung nimmt genau diese Änderungen an der Einstellungsdatei vor. Zuerst wird die aktuelle Datei gesichert. Markieren Sie Schlüssel, um nur diese wiederherzustellen.</translation>
    </message>
    <message>
        <source>Restore cancelled.</source>
        <translation>Wiederherstellung abgebrochen.</translation>
    </message>
    <message>
        <source>Restoring %1...</source>
        <translation>%1 wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Restored the checked keys from %1.</source>
        <translation>Die markierten Schlüssel aus %1 wurden wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>The content before is kept in a new backup (%1).</source>
        <translation>Der vorherige Inhalt ist in einer neuen Sicherung (%1) aufbewahrt.</translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation>%1 löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete %1 backups, from %2 to %3? This cannot be undone.</source>
        <translation>%1 Sicherungen von %2 bis %3 löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Delete backups</source>
        <translation>Sicherungen löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted %1 backup.</source>
        <translation>%1 Sicherung gelöscht.</translation>
    </message>
    <message>
        <source>Deleted %1 backups.</source>
        <translation>%1 Sicherungen gelöscht.</translation>
    </message>
    <message>
        <source>%1 was kept: %2</source>
        <translation>%1 wurde behalten: %2</translation>
    </message>
    <message>
        <source>Label this backup</source>
        <translation>Diese Sicherung bezeichnen</translation>
    </message>
    <message>
        <source>A label for %1 (empty removes it):</source>
        <translation>Eine Bezeichnung für %1 (leer entfernt sie):</translation>
    </message>
    <message>
        <source>No label written: %1</source>
        <translation>Keine Bezeichnung geschrieben: %1</translation>
    </message>
    <message>
        <source>Label removed.</source>
        <translation>Bezeichnung entfernt.</translation>
    </message>
    <message>
        <source>Labelled “%1”.</source>
        <translation>Bezeichnet als „%1“.</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
</context>
<context>
    <name>tad::BoolEditor</name>
    <message>
        <source>Enabled</source>
        <translation>Eingeschaltet</translation>
    </message>
    <message>
        <source>Boolean value</source>
        <translation>Wahrheitswert</translation>
    </message>
</context>
<context>
    <name>tad::BrokenFilePage</name>
    <message>
        <source>The settings file cannot be read</source>
        <translation>Die Einstellungsdatei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Restore newest valid backup</source>
        <translation>Neueste gültige Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>View the raw text (read-only)</source>
        <translation>Den Rohtext ansehen (nur lesen)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Raw file text</source>
        <translation>Rohtext der Datei</translation>
    </message>
    <message>
        <source>Line %1, column %2: </source>
        <translation>Zeile %1, Spalte %2: </translation>
    </message>
    <message>
        <source>No valid backup of this file was found.</source>
        <translation>Es wurde keine gültige Sicherung dieser Datei gefunden.</translation>
    </message>
    <message>
        <source>The Electron app cannot read it either until it is repaired or restored.</source>
        <translation>Auch die Electron-App kann sie erst wieder lesen, wenn sie repariert oder wiederhergestellt ist.</translation>
    </message>
</context>
<context>
    <name>tad::DateTimeEditor</name>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
</context>
<context>
    <name>tad::DiffView</name>
    <message>
        <source>Export patch</source>
        <translation>Patch exportieren</translation>
    </message>
    <message>
        <source>JSON Patch (*.json)</source>
        <translation>JSON-Patch (*.json)</translation>
    </message>
    <message>
        <source>Choose something to compare.</source>
        <translation>Wählen Sie etwas zum Vergleichen.</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>&amp;Revert checked changes</source>
        <translation>Markierte Änderungen &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>E&amp;xport patch...</source>
        <translation>Patch e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Save the changes as an RFC 6902 JSON Patch (secrets masked)</source>
        <translation>Die Änderungen als JSON-Patch nach RFC 6902 speichern (Geheimnisse maskiert)</translation>
    </message>
    <message>
        <source>Patch written to %1</source>
        <translation>Patch nach %1 geschrieben</translation>
    </message>
    <message>
        <source>No differences: both sides hold the same settings.</source>
        <translation>Keine Unterschiede: Beide Seiten enthalten dieselben Einstellungen.</translation>
    </message>
    <message>
        <source>%1 change: </source>
        <translation>%1 Änderung: </translation>
    </message>
    <message>
        <source>%1 changes: </source>
        <translation>%1 Änderungen: </translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed</source>
        <translation>%1 hinzugefügt, %2 entfernt, %3 geändert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>tad::EditorPanel</name>
    <message>
        <source>Setting editor</source>
        <translation>Einstellungseditor</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Default:</source>
        <translation>Standard:</translation>
    </message>
    <message>
        <source>In the file:</source>
        <translation>In der Datei:</translation>
    </message>
    <message>
        <source>Problem with the value</source>
        <translation>Problem mit dem Wert</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Strg+Entf</translation>
    </message>
    <message>
        <source>No setting selected</source>
        <translation>Keine Einstellung ausgewählt</translation>
    </message>
    <message>
        <source>Select a key in the tree to see and change it.</source>
        <translation>Wählen Sie einen Schlüssel im Baum, um ihn zu sehen und zu ändern.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>The value already is the default</source>
        <translation>Der Wert ist bereits der Standard</translation>
    </message>
    <message>
        <source>The file holds a value the schema refuses: %1</source>
        <translation>Die Datei enthält einen Wert, den das Schema ablehnt: %1</translation>
    </message>
    <message>
        <source>%1 was changed by another program to %2 while you were editing it.</source>
        <translation>%1 wurde von einem anderen Programm auf %2 geändert, während Sie es bearbeitet haben.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 was changed by another program to %2 right after you set it to %3.</source>
        <translation>%1 wurde direkt nachdem Sie es auf %3 gesetzt haben von einem anderen Programm auf %2 geändert.</translation>
    </message>
    <message>
        <source>Not written: the settings file cannot be read. What you typed stays here; press Enter to write it once the file reads again.</source>
        <translation>Nicht geschrieben: Die Einstellungsdatei kann nicht gelesen werden. Ihre Eingabe bleibt hier stehen; drücken Sie die Eingabetaste, um sie zu schreiben, sobald die Datei wieder lesbar ist.</translation>
    </message>
    <message>
        <source>The file reads again; what you typed is not written yet: press Enter to write it, Esc to take the file&apos;s value.</source>
        <translation>Die Datei ist wieder lesbar; Ihre Eingabe ist noch nicht geschrieben: Eingabetaste schreibt sie, Esc übernimmt den Wert der Datei.</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>M&amp;eine behalten</translation>
    </message>
    <message>
        <source>T&amp;ake theirs</source>
        <translation>&amp;Ihre übernehmen</translation>
    </message>
    <message>
        <source>Not written: the file&apos;s value changed while you typed. Choose Keep mine (Alt+K) or Take theirs (Alt+A).</source>
        <translation>Nicht geschrieben: Der Wert in der Datei hat sich geändert, während Sie tippten. Wählen Sie „Meine behalten“ (Alt+E) oder „Ihre übernehmen“ (Alt+I).</translation>
    </message>
</context>
<context>
    <name>tad::EnumEditor</name>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
</context>
<context>
    <name>tad::FileActions</name>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open a settings file</source>
        <translation>Eine Einstellungsdatei öffnen</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1  %2 (missing)</source>
        <translation>%1  %2 (fehlt)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>tad::HistoryActions</name>
    <message>
        <source>Not restored from %1: %2</source>
        <translation>Nicht aus %1 wiederhergestellt: %2</translation>
    </message>
    <message>
        <source>Nothing to restore: the file already holds %1.</source>
        <translation>Nichts wiederherzustellen: Die Datei enthält schon %1.</translation>
    </message>
    <message>
        <source>Restored the chosen keys from %1.</source>
        <translation>Die gewählten Schlüssel aus %1 wurden wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Rolled back %1.</source>
        <translation>%1 zurückgenommen.</translation>
    </message>
    <message>
        <source>Not reverted: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Nothing to roll back: the values are already as before %1.</source>
        <translation>Nichts zurückzunehmen: Die Werte sind schon wie vor %1.</translation>
    </message>
    <message>
        <source>Not migrated: %1</source>
        <translation>Nicht migriert: %1</translation>
    </message>
    <message>
        <source>Nothing to migrate: the file is at %1.</source>
        <translation>Nichts zu migrieren: Die Datei ist auf %1.</translation>
    </message>
    <message>
        <source>Migrated the settings file from %1 to %2; the pre-migration backup holds the old content.</source>
        <translation>Die Einstellungsdatei wurde von %1 auf %2 migriert; die Sicherung vor der Migration enthält den alten Inhalt.</translation>
    </message>
    <message>
        <source>Not recovered: %1</source>
        <translation>Nicht repariert: %1</translation>
    </message>
    <message>
        <source>Recovered the settings file from %1.</source>
        <translation>Die Einstellungsdatei wurde aus %1 repariert.</translation>
    </message>
    <message>
        <source>The broken content is kept in %1.</source>
        <translation>Der beschädigte Inhalt ist in %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Reverted the chosen values of %1.</source>
        <translation>Die gewählten Werte %1 wurden zurückgenommen.</translation>
    </message>
</context>
<context>
    <name>tad::HistoryPanels</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>History of this key</source>
        <translation>Verlauf dieses Schlüssels</translation>
    </message>
</context>
<context>
    <name>tad::HistoryView</name>
    <message>
        <source>Search the history: a key (e.g. settings.theme), a reason or a label</source>
        <translation>Im Verlauf suchen: ein Schlüssel (z. B. settings.theme), ein Anlass oder eine Bezeichnung</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Im Verlauf suchen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Changes, newest first</source>
        <translation>Änderungen, neueste zuerst</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Keys changed</source>
        <translation>Geänderte Schlüssel</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Roll &amp;back this change</source>
        <translation>Diese Änderung &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>Undo the whole change; refused if a value it set has changed since</source>
        <translation>Die ganze Änderung zurücknehmen; abgelehnt, wenn sich ein von ihr gesetzter Wert seither geändert hat</translation>
    </message>
    <message>
        <source>&amp;Label...</source>
        <translation>&amp;Bezeichnen …</translation>
    </message>
    <message>
        <source>Give this change a label to find it by later</source>
        <translation>Dieser Änderung eine Bezeichnung geben, um sie später wiederzufinden</translation>
    </message>
    <message>
        <source>Select a change to see what it did.</source>
        <translation>Wählen Sie eine Änderung, um zu sehen, was sie bewirkt hat.</translation>
    </message>
    <message>
        <source>Reading the history...</source>
        <translation>Der Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>%1 change recorded</source>
        <translation>%1 Änderung aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 changes recorded</source>
        <translation>%1 Änderungen aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 of %2 changes matches %3</source>
        <translation>%1 von %2 Änderungen passt zu %3</translation>
    </message>
    <message>
        <source>%1 of %2 changes match %3</source>
        <translation>%1 von %2 Änderungen passen zu %3</translation>
    </message>
    <message>
        <source>No history yet. Every change to the settings file (from this window, the CLI or the app) is recorded here, so it can be rolled back.</source>
        <translation>Noch kein Verlauf. Jede Änderung an der Einstellungsdatei (aus diesem Fenster, der Befehlszeile oder der App) wird hier aufgezeichnet, damit sie zurückgenommen werden kann.</translation>
    </message>
    <message>
        <source>No recorded change matches %1. Clear the search to see all changes.</source>
        <translation>Keine aufgezeichnete Änderung passt zu %1. Leeren Sie die Suche, um alle Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>No change to show.</source>
        <translation>Keine Änderung anzuzeigen.</translation>
    </message>
    <message>
        <source>Reading the change...</source>
        <translation>Die Änderung wird gelesen …</translation>
    </message>
    <message>
        <source>Before the change of %1</source>
        <translation>Vor der Änderung von %1</translation>
    </message>
    <message>
        <source>After the change of %1</source>
        <translation>Nach der Änderung von %1</translation>
    </message>
    <message>
        <source>Roll back the change made %1 %2 to %3?</source>
        <translation>Die Änderung an %3 zurücknehmen, die %1 %2 gemacht wurde?</translation>
    </message>
    <message>
        <source>Revert %1 in the change made %2 %3?</source>
        <translation>%1 in der Änderung zurücknehmen, die %2 %3 gemacht wurde?</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Each value goes back to what it was before. This is refused if one of them has changed since.</source>
        <translation>Jeder Wert wird wieder, was er vorher war. Das wird abgelehnt, wenn sich einer von ihnen seither geändert hat.</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>Rolled back.</source>
        <translation>Zurückgenommen.</translation>
    </message>
    <message>
        <source>Nothing to roll back: the values are already as before.</source>
        <translation>Nichts zurückzunehmen: Die Werte sind schon wie vorher.</translation>
    </message>
    <message>
        <source>Label this change</source>
        <translation>Diese Änderung bezeichnen</translation>
    </message>
    <message>
        <source>A label for the change made %1 %2 (empty removes it):</source>
        <translation>Eine Bezeichnung für die Änderung, die %1 %2 gemacht wurde (leer entfernt sie):</translation>
    </message>
    <message>
        <source>No label written: %1</source>
        <translation>Keine Bezeichnung geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>tad::InspectorView</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Watcher</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>Watcher:</source>
        <translation>Beobachtung:</translation>
    </message>
    <message>
        <source>Operations and timings</source>
        <translation>Vorgänge und Zeiten</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <source>Average ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <source>Slowest ms</source>
        <translation>Langsamste ms</translation>
    </message>
    <message>
        <source>Slowest key</source>
        <translation>Langsamster Schlüssel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Performance&lt;/b&gt; (this window&apos;s store, since it opened)</source>
        <translation>&lt;b&gt;Leistung&lt;/b&gt; (der Speicher dieses Fensters, seit er geöffnet wurde)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>following the file and its folder</source>
        <translation>folgt der Datei und ihrem Ordner</translation>
    </message>
    <message>
        <source>not following changes</source>
        <translation>folgt keinen Änderungen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 byte</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source> (%1 bytes)</source>
        <translation> (%1 Byte)</translation>
    </message>
    <message>
        <source>%1 key: </source>
        <translation>%1 Schlüssel: </translation>
    </message>
    <message>
        <source>%1 keys: </source>
        <translation>%1 Schlüssel: </translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>not set (the app does not record migrations itself)</source>
        <translation>nicht gesetzt (die App zeichnet Migrationen nicht selbst auf)</translation>
    </message>
</context>
<context>
    <name>tad::JsonEditor</name>
    <message>
        <source>JSON value</source>
        <translation>JSON-Wert</translation>
    </message>
    <message>
        <source>Ctrl+Enter or leaving the field writes the value</source>
        <translation>Strg+Eingabe oder das Verlassen des Feldes schreibt den Wert</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>tad::JsonTextPane</name>
    <message>
        <source>Copy marked line</source>
        <translation>Markierte Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopieren</translation>
    </message>
</context>
<context>
    <name>tad::ListEditor</name>
    <message>
        <source>List items</source>
        <translation>Listeneinträge</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>item %1 is not a valid value</source>
        <translation>Eintrag %1 ist kein gültiger Wert</translation>
    </message>
</context>
<context>
    <name>tad::MainWindow</name>
    <message>
        <source>TAD Settings</source>
        <translation>TAD Settings</translation>
    </message>
    <message>
        <source>&amp;Open a settings file...</source>
        <translation>Eine Einstellungsdatei &amp;öffnen …</translation>
    </message>
    <message>
        <source>Settings tree</source>
        <translation>Einstellungsbaum</translation>
    </message>
    <message>
        <source>Reading %1 ...</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Not written (%1): %2</source>
        <translation>Nicht geschrieben (%1): %2</translation>
    </message>
    <message>
        <source>Change without a backup?</source>
        <translation>Ohne Sicherung ändern?</translation>
    </message>
    <message>
        <source>%1

Make this change anyway, without it?</source>
        <translation>%1

Diese Änderung trotzdem vornehmen, ohne sie?</translation>
    </message>
    <message>
        <source>Change Without Backup</source>
        <translation>Ohne Sicherung ändern</translation>
    </message>
    <message>
        <source>The file on disk cannot be read; showing the last good version. %1</source>
        <translation>Die Datei auf der Festplatte kann nicht gelesen werden; die letzte gute Fassung wird gezeigt. %1</translation>
    </message>
    <message>
        <source>%1 not changed: %2</source>
        <translation>%1 nicht geändert: %2</translation>
    </message>
    <message>
        <source>Following changes</source>
        <translation>Folgt Änderungen</translation>
    </message>
    <message>
        <source>Not following changes</source>
        <translation>Folgt keinen Änderungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Reset to &amp;default</source>
        <translation>Auf &amp;Standard zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>Copy key &amp;path</source>
        <translation>Schlüssel&amp;pfad kopieren</translation>
    </message>
    <message>
        <source>Copy value as &amp;JSON</source>
        <translation>Wert als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Reveal or hide &amp;secret</source>
        <translation>&amp;Geheimnis zeigen oder verbergen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About TAD Settings</source>
        <translation>Ü&amp;ber TAD Settings</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Changed outside at %1: %2</source>
        <translation>Von außen geändert um %1: %2</translation>
    </message>
    <message>
        <source>Looking for a backup to recover from...</source>
        <translation>Es wird eine Sicherung für die Reparatur gesucht …</translation>
    </message>
    <message>
        <source>No backup to recover from: %1</source>
        <translation>Keine Sicherung für die Reparatur: %1</translation>
    </message>
    <message>
        <source>Newest valid backup: %1</source>
        <translation>Neueste gültige Sicherung: %1</translation>
    </message>
    <message>
        <source>This removes %1 entries from the file.</source>
        <translation>Das entfernt %1 Einträge aus der Datei.</translation>
    </message>
    <message>
        <source>Remove entries from %1?</source>
        <translation>Einträge aus %1 entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 has no default value to reset to</source>
        <translation>%1 hat keinen Standardwert zum Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset %1 to its default?</source>
        <translation>%1 auf den Standard zurücksetzen?</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The file is large; type @invalid in the find box to list problems.</source>
        <translation>Die Datei ist groß; geben Sie @invalid in das Suchfeld ein, um Probleme aufzulisten.</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Current file</source>
        <translation>Aktuelle Datei</translation>
    </message>
    <message>
        <source>Current file (cannot be read)</source>
        <translation>Aktuelle Datei (nicht lesbar)</translation>
    </message>
    <message>
        <source>After recovering from %1</source>
        <translation>Nach der Reparatur aus %1</translation>
    </message>
    <message>
        <source>Not recovered: %1</source>
        <translation>Nicht repariert: %1</translation>
    </message>
    <message>
        <source>Passed over: %1</source>
        <translation>Übergangen: %1</translation>
    </message>
    <message>
        <source>Recover from %1</source>
        <translation>Aus %1 reparieren</translation>
    </message>
    <message>
        <source>Recovery cancelled; nothing was written.</source>
        <translation>Reparatur abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Recovering writes %1 in place of the file: exactly these changes. The broken content is kept beside the file.</source>
        <translation>Die Reparatur schreibt %1 an die Stelle der Datei: genau diese Änderungen. Der beschädigte Inhalt wird neben der Datei aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>The file cannot be read: %1
Its content is kept beside it, as it is, when the recovery writes.</source>
        <translation>Die Datei kann nicht gelesen werden: %1
Ihr Inhalt wird unverändert daneben aufbewahrt, wenn die Wiederherstellung schreibt.</translation>
    </message>
    <message>
        <source>There is no file.</source>
        <translation>Es gibt keine Datei.</translation>
    </message>
    <message>
        <source>The settings file can be read again; the tree shows it as it is now.</source>
        <translation>Die Einstellungsdatei ist wieder lesbar; der Baum zeigt sie, wie sie jetzt ist.</translation>
    </message>
    <message>
        <source>%1 was changed by another program right after your change; the file keeps the other program&apos;s value.</source>
        <translation>%1 wurde direkt nach Ihrer Änderung von einem anderen Programm geändert; die Datei behält dessen Wert.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Undo the action above</source>
        <translation>&amp;Rückgängig: die Aktion oben</translation>
    </message>
</context>
<context>
    <name>tad::MapEditor</name>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>New entry name</source>
        <translation>Name des neuen Eintrags</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>Eintrag entfernen</translation>
    </message>
</context>
<context>
    <name>tad::MessageBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>tad::MigrationReview</name>
    <message>
        <source>&lt;b&gt;Pending&lt;/b&gt; (dry run: nothing is written yet)</source>
        <translation>&lt;b&gt;Ausstehend&lt;/b&gt; (Probelauf: noch wird nichts geschrieben)</translation>
    </message>
    <message>
        <source>No pending migrations: the file is up to date.</source>
        <translation>Keine ausstehenden Migrationen: Die Datei ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Pending migrations</source>
        <translation>Ausstehende Migrationen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>&amp;Run migrations...</source>
        <translation>Migrationen &amp;ausführen …</translation>
    </message>
    <message>
        <source>&amp;Dry run again</source>
        <translation>&amp;Probelauf wiederholen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Past migrations&lt;/b&gt; (from the history)</source>
        <translation>&lt;b&gt;Frühere Migrationen&lt;/b&gt; (aus dem Verlauf)</translation>
    </message>
    <message>
        <source>Past migrations</source>
        <translation>Frühere Migrationen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Select a migration step to see what it changes.</source>
        <translation>Wählen Sie einen Migrationsschritt, um zu sehen, was er ändert.</translation>
    </message>
    <message>
        <source>Dry run...</source>
        <translation>Probelauf …</translation>
    </message>
    <message>
        <source>Settings version: %1%2 · newest migration: %3</source>
        <translation>Version der Einstellungen: %1%2 · neueste Migration: %3</translation>
    </message>
    <message>
        <source> (not written in the file, so taken as 1.0.0)</source>
        <translation> (nicht in der Datei vermerkt, daher als 1.0.0 angenommen)</translation>
    </message>
    <message>
        <source>the app has not recorded a migration of its own</source>
        <translation>die App hat keine eigene Migration vermerkt</translation>
    </message>
    <message>
        <source>the app&apos;s own record says %1 (left as it is)</source>
        <translation>der eigene Vermerk der App lautet %1 (bleibt, wie er ist)</translation>
    </message>
    <message>
        <source>The app keeps its own record of migrations under __internal__.migrations.version; TAD Settings never changes it.</source>
        <translation>Die App führt unter __internal__.migrations.version ihren eigenen Vermerk über Migrationen; TAD Settings ändert ihn nie.</translation>
    </message>
    <message>
        <source>%1 change</source>
        <translation>%1 Änderung</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 Änderungen</translation>
    </message>
    <message>
        <source>No migration has run on this file yet.</source>
        <translation>Auf dieser Datei ist noch keine Migration gelaufen.</translation>
    </message>
    <message>
        <source>The migrations cannot run: %1</source>
        <translation>Die Migrationen können nicht laufen: %1</translation>
    </message>
    <message>
        <source>Nothing to migrate.</source>
        <translation>Nichts zu migrieren.</translation>
    </message>
    <message>
        <source>%1 step would run. Select one to see its changes.</source>
        <translation>%1 Schritt würde laufen. Wählen Sie ihn, um seine Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>%1 steps would run. Select one to see its changes.</source>
        <translation>%1 Schritte würden laufen. Wählen Sie einen, um seine Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>Select a past migration to see what it changed.</source>
        <translation>Wählen Sie eine frühere Migration, um zu sehen, was sie geändert hat.</translation>
    </message>
    <message>
        <source>Run migrations</source>
        <translation>Migrationen ausführen</translation>
    </message>
    <message>
        <source>Migrate the settings file from %1 to %2?

%3

A pre-migration backup is taken first; each step is recorded in the history.</source>
        <translation>Die Einstellungsdatei von %1 auf %2 migrieren?

%3

Zuerst wird eine Sicherung angelegt; jeder Schritt wird im Verlauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>Migrieren</translation>
    </message>
    <message>
        <source>Migration cancelled.</source>
        <translation>Migration abgebrochen.</translation>
    </message>
    <message>
        <source>Migrating...</source>
        <translation>Wird migriert …</translation>
    </message>
    <message>
        <source>Not migrated: %1</source>
        <translation>Nicht migriert: %1</translation>
    </message>
    <message>
        <source>Before the migration to %1</source>
        <translation>Vor der Migration auf %1</translation>
    </message>
    <message>
        <source>After the migration to %1</source>
        <translation>Nach der Migration auf %1</translation>
    </message>
</context>
<context>
    <name>tad::NumberEditor</name>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>keine Zahl</translation>
    </message>
</context>
<context>
    <name>tad::SettingsFind</name>
    <message>
        <source>Find keys, values, descriptions; @modified @invalid @default @changed</source>
        <translation>Schlüssel, Werte, Beschreibungen suchen; @modified @invalid @default @changed</translation>
    </message>
    <message>
        <source>Find settings</source>
        <translation>Einstellungen suchen</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Suche läuft</translation>
    </message>
    <message>
        <source>Settings found</source>
        <translation>Gefundene Einstellungen</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No settings found</source>
        <translation>Keine Einstellungen gefunden</translation>
    </message>
    <message>
        <source>1 setting found</source>
        <translation>1 Einstellung gefunden</translation>
    </message>
    <message>
        <source>%1 settings found</source>
        <translation>%1 Einstellungen gefunden</translation>
    </message>
    <message>
        <source>Press Esc to clear the search.</source>
        <translation>Esc leert die Suche.</translation>
    </message>
    <message>
        <source>No setting is modified: each one holds its default or has none.</source>
        <translation>Keine Einstellung ist geändert: Jede hat ihren Standardwert oder keinen.</translation>
    </message>
    <message>
        <source>No setting is invalid: the file fits the schema.</source>
        <translation>Keine Einstellung ist ungültig: Die Datei passt zum Schema.</translation>
    </message>
    <message>
        <source>No setting holds its default value.</source>
        <translation>Keine Einstellung hat ihren Standardwert.</translation>
    </message>
    <message>
        <source>No setting was changed by another program just now.</source>
        <translation>Keine Einstellung wurde eben von einem anderen Programm geändert.</translation>
    </message>
    <message>
        <source>No settings match “%1”.</source>
        <translation>Keine Einstellung passt zu „%1“.</translation>
    </message>
    <message>
        <source>%1 is not a filter: did you mean @%2? The filters are %3.</source>
        <translation>%1 ist kein Filter: Meinten Sie @%2? Die Filter sind %3.</translation>
    </message>
    <message>
        <source>%1 is not a filter. The filters are %2.</source>
        <translation>%1 ist kein Filter. Die Filter sind %2.</translation>
    </message>
</context>
<context>
    <name>tad::SettingsTreeModel</name>
    <message>
        <source>%1 key</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 Schlüssel</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <comment>an entry&apos;s name, then its key count</comment>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>(secret)</source>
        <translation>(geheim)</translation>
    </message>
    <message>
        <source>changed externally</source>
        <translation>von außen geändert</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
</context>
<context>
    <name>tad::StoreSession</name>
    <message>
        <source>start-up backup</source>
        <translation>Sicherung beim Start</translation>
    </message>
    <message>
        <source>not changed: the previous change of %1 was not written</source>
        <translation>nicht geändert: Die vorige Änderung von %1 wurde nicht geschrieben</translation>
    </message>
</context>
<context>
    <name>tad::TextEditor</name>
    <message>
        <source>Secret value</source>
        <translation>Geheimer Wert</translation>
    </message>
    <message>
        <source>Text value</source>
        <translation>Textwert</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Reveal secret</source>
        <translation>Geheimnis zeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
</context>
<context>
    <name>tad::WindowLauncher</name>
    <message>
        <source>Cannot open the file</source>
        <translation>Die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
</TS>
