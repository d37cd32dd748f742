<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AgreementView</name>
        <message numerus="yes">
            <source>%n assessor(s): {names}.</source>
            <translation>
                <numerusform>%n assessor: {names}.</numerusform>
                <numerusform>%n assessors: {names}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s) scored by more than one of them.</source>
            <translation>
                <numerusform>%n indicator scored by more than one of them.</numerusform>
                <numerusform>%n indicators scored by more than one of them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator(s) with levels 2 or more apart, listed first and highlighted.</source>
            <translation>
                <numerusform>%n indicator with levels 2 or more apart, listed first and highlighted.</numerusform>
                <numerusform>%n indicators with levels 2 or more apart, listed first and highlighted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConflictsView</name>
        <message numerus="yes">
            <source>%n conflict(s) left to decide.</source>
            <translation>
                <numerusform>%n conflict left to decide.</numerusform>
                <numerusform>%n conflicts left to decide.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Keep this database's answer for all %n conflict(s)?</source>
            <translation>
                <numerusform>Keep this database's answer for all %n conflict?</numerusform>
                <numerusform>Keep this database's answer for all %n conflicts?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Take the package's answer for all %n conflict(s)?</source>
            <translation>
                <numerusform>Take the package's answer for all %n conflict?</numerusform>
                <numerusform>Take the package's answer for all %n conflicts?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n indicator(s) changed elsewhere: shown as now stored.</source>
            <translation>
                <numerusform>%n indicator changed elsewhere: shown as now stored.</numerusform>
                <numerusform>%n indicators changed elsewhere: shown as now stored.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicator is still unanswered: {codes}.</source>
            <translation>
                <numerusform>%n indicator is still unanswered: {codes}.</numerusform>
                <numerusform>%n indicator is still unanswered: {codes}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n indicators are still unanswered: {codes}.</source>
            <translation>
                <numerusform>%n indicators are still unanswered: {codes}.</numerusform>
                <numerusform>%n indicators are still unanswered: {codes}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sample assessment(s) removed.</source>
            <translation>
                <numerusform>%n sample assessment removed.</numerusform>
                <numerusform>%n sample assessments removed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WalkView</name>
        <message numerus="yes">
            <source>⚠ Conflicts (%n)…</source>
            <translation>
                <numerusform>⚠ Conflicts (%n)…</numerusform>
                <numerusform>⚠ Conflicts (%n)…</numerusform>
            </translation>
        </message>
    </context>
</TS>
