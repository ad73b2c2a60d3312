#pragma once

#include "side/SideTab.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace shopdesk::ui {

/// 客户: nick, grade and tags (editable), the platform's profile, and the receiver masked; the
/// full receiver only with buyer.pii.view, each reveal audited by the service.
class CustomerTab : public SideTab {
    Q_OBJECT
public:
    CustomerTab(WorkbenchContext& context, QWidget* parent);
    void reload() override;

    QComboBox* gradeBox() const { return m_grade; }
    QLineEdit* tagsEdit() const { return m_tags; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* revealButton() const { return m_reveal; }
    QLabel* phoneLabel() const { return m_phone; }
    QLabel* addressLabel() const { return m_address; }

private:
    void save();
    void reveal();

    QLabel* m_nick;
    QLabel* m_profile;
    QComboBox* m_grade;
    QLineEdit* m_tags;
    QPushButton* m_save;
    QLabel* m_name;
    QLabel* m_phone;
    QLabel* m_address;
    QPushButton* m_reveal;
    QString m_orderNo; ///< whose receiver is shown
};

} // namespace shopdesk::ui
