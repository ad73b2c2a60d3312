#include <QCoreApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#ifdef SHOPDESK_GUI_TESTS
#include <QApplication>
#endif

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    // Keep tests away from the user's real data directory.
    QStandardPaths::setTestModeEnabled(true);
#ifdef SHOPDESK_GUI_TESTS
    // Real widgets, no display: also when ctest lists the tests without the test environment.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    return RUN_ALL_TESTS();
}
