#include "console/PerformancePage.h"

#include "common/Format.h"

#include "core/IsoTime.h"
#include "session/Reports.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace shopdesk::ui {

namespace {

/// Sorts numerically by the value kept in the item's data.
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(const QString& text, double value)
        : QTableWidgetItem(text)
    {
        setData(Qt::UserRole, value);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QChartView* chartView(QWidget* parent, const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

} // namespace

PerformancePage::PerformancePage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_slow(new QSpinBox(this))
    , m_table(new QTableWidget(this))
    , m_responseChart(chartView(this, tr("Response times per agent")))
    , m_hourChart(chartView(this, tr("Inquiries per hour")))
    , m_message(new QLabel(this))
{
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(context.session.clock().now().ms(), context.session.shop().timeZone).date();
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setDate(today.addDays(-6));
    m_to->setDate(today);
    m_slow->setRange(1, 3600);
    m_slow->setValue(120);
    m_slow->setSuffix(tr(" s"));
    auto* runButton = new QPushButton(tr("Show"), this);
    auto* csv = new QPushButton(tr("Export CSV…"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("From"), this));
    top->addWidget(m_from);
    top->addWidget(new QLabel(tr("to (inclusive)"), this));
    top->addWidget(m_to);
    top->addWidget(new QLabel(tr("slow after"), this));
    top->addWidget(m_slow);
    top->addWidget(runButton);
    top->addStretch();
    top->addWidget(csv);
    m_table->setSortingEnabled(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    auto* charts = new QSplitter(this);
    charts->addWidget(m_responseChart);
    charts->addWidget(m_hourChart);
    charts->setSizes({500, 500});
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(charts);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    connect(runButton, &QPushButton::clicked, this, [this] { (void)run(); });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("performance.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty()) {
            const Status st = exportCsv(path);
            m_message->setText(st ? tr("Saved %1.").arg(path) : st.error().message);
        }
    });
    // The report runs when the page is first shown, not when the console is built.
}

void PerformancePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_ran) {
        m_ran = true;
        (void)run();
    }
}

void PerformancePage::setRange(const QDate& from, const QDate& to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

QFuture<Status> PerformancePage::run()
{
    m_ran = true;
    const QTimeZone zone = m_context.session.shop().timeZone;
    const QDateTime start(m_from->date(), QTime(0, 0), zone);
    const QDateTime end(m_to->date().addDays(1), QTime(0, 0), zone);
    m_message->setText(tr("Counting…"));
    return m_context.session.reports()
        .agents(Timestamp::fromMs(start.toMSecsSinceEpoch()), Timestamp::fromMs(end.toMSecsSinceEpoch()),
                m_slow->value())
        .then(this, [this](Result<AgentReport> report) -> Status {
            if (!report) {
                m_message->setText(report.error().message);
                return report.error();
            }
            display(std::move(*report));
            return {};
        });
}

void PerformancePage::display(AgentReport report)
{
    m_report = std::move(report);
    m_table->setSortingEnabled(false);
    const QStringList headers{tr("Agent"),          tr("Conversations"),      tr("Replies"),
                              tr("Turns answered"), tr("First response (s)"), tr("Response (s)"),
                              tr("Slow"),           tr("Unanswered 30 min"),  tr("Orders"),
                              tr("Sales"),          tr("Inquiring buyers"),   tr("Converted"),
                              tr("Conversion")};
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < static_cast<int>(headers.size()); ++c) {
        m_table->horizontalHeaderItem(c)->setToolTip(AgentPerformance::columns().value(c));
    }
    m_table->setRowCount(static_cast<int>(m_report.agents.size()));
    for (int r = 0; r < static_cast<int>(m_report.agents.size()); ++r) {
        const QStringList cells = m_report.agents[static_cast<std::size_t>(r)].cells(QStringLiteral("-"));
        m_table->setItem(r, 0, new QTableWidgetItem(cells[0]));
        const AgentPerformance& p = m_report.agents[static_cast<std::size_t>(r)];
        for (int c = 1; c < cells.size(); ++c) {
            bool ok = false;
            const double v = cells[c].toDouble(&ok);
            // Money in yuan and the rate in percent, as a person reads them; sorted by the number.
            const QString shownCell = c == kSalesColumn ? format::money(p.salesFen)
                                      : c == kConversionColumn
                                          ? QStringLiteral("%1%").arg(p.conversionRate * 100, 0, 'f', 1)
                                          : cells[c];
            m_table->setItem(r, c, new NumberItem(shownCell, ok ? v : -1));
        }
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_message->setText(m_report.agents.empty() ? tr("Nobody was active in that range.")
                                               : tr("%1 agents.").arg(m_report.agents.size()));
    fillCharts();
}

void PerformancePage::fillCharts()
{
    // Response-time distribution: one stacked bar per agent.
    QChart* chart = static_cast<QChartView*>(m_responseChart)->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
    }
    const QStringList buckets{tr("≤30 s"), tr("≤1 min"), tr("≤2 min"), tr("≤5 min"), tr("≤30 min"), tr("longer")};
    auto* stacked = new QStackedBarSeries;
    QStringList agents;
    for (qsizetype b = 0; b < buckets.size(); ++b) {
        auto* set = new QBarSet(buckets[b]);
        for (const AgentPerformance& p : m_report.agents) {
            *set << static_cast<double>(p.responseBuckets[static_cast<std::size_t>(b)]);
        }
        stacked->append(set);
    }
    for (const AgentPerformance& p : m_report.agents) {
        agents << p.agent;
    }
    chart->addSeries(stacked);
    auto* agentAxis = new QBarCategoryAxis;
    agentAxis->append(agents);
    // Whole names: slanted when there are many, never cut to "…".
    agentAxis->setTruncateLabels(false);
    agentAxis->setLabelsAngle(agents.size() > 6 ? -45 : 0);
    chart->addAxis(agentAxis, Qt::AlignBottom);
    stacked->attachAxis(agentAxis);
    auto* turnsAxis = new QValueAxis;
    turnsAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(turnsAxis, Qt::AlignLeft);
    stacked->attachAxis(turnsAxis);

    QChart* hours = static_cast<QChartView*>(m_hourChart)->chart();
    hours->removeAllSeries();
    for (QAbstractAxis* axis : hours->axes()) {
        hours->removeAxis(axis);
    }
    auto* set = new QBarSet(tr("turns started"));
    QStringList labels;
    for (int h = 0; h < 24; ++h) {
        *set << static_cast<double>(m_report.turnsByHour[static_cast<std::size_t>(h)]);
        // Every third hour named (0, 3, 6 … 21): 24 numbers do not fit a half-width chart.
        labels << (h % 3 == 0 ? QString::number(h) : QString(h, QChar(0x200B)));
    }
    auto* series = new QBarSeries;
    series->append(set);
    hours->addSeries(series);
    auto* hourAxis = new QBarCategoryAxis;
    hourAxis->append(labels);
    hourAxis->setTruncateLabels(false);
    hourAxis->setTitleText(tr("hour"));
    hours->addAxis(hourAxis, Qt::AlignBottom);
    series->attachAxis(hourAxis);
    auto* countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    hours->addAxis(countAxis, Qt::AlignLeft);
    series->attachAxis(countAxis);
    hours->legend()->hide();
}

Status PerformancePage::exportCsv(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    const QByteArray out = agentReportCsv(m_report, true);
    file.write(out);
    if (!file.commit()) {
        return Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

} // namespace shopdesk::ui
