<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessGate</name>
    <message>
        <source>%1 must choose a new password first (a supervisor reset it).</source>
        <translation>%1 须先设置新密码（主管已重置密码）。</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>Wrong account name or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>The account %1 is disabled. Ask your supervisor to enable it.</source>
        <translation>账号 %1 已停用，请联系主管启用。</translation>
    </message>
    <message>
        <source>The account %1 is locked after too many failed logins. Try again in %2 minute(s).</source>
        <translation>账号 %1 因多次登录失败已被锁定，请 %2 分钟后再试。</translation>
    </message>
    <message>
        <source>The password could not be hashed (out of memory?). Nothing was changed; try again.</source>
        <translation>无法计算密码哈希（内存不足？），未做任何更改，请重试。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>The %1 platform does not offer this: %2.</source>
        <translation>%1 平台不支持此操作：%2。</translation>
    </message>
    <message>
        <source>Not done: the audit log could not record it (%1).</source>
        <translation>未执行：审计日志无法记录此操作（%1）。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit log does not match its anchor outside the database: %1. The database may have been tampered with or an older copy put back. ShopDesk writes nothing until the owner has checked it (shopdeskctl audit verify) and accepted it (shopdeskctl --as OWNER audit reanchor --yes).</source>
        <translation>审计日志与数据库外的锚点不一致：%1。数据库可能被篡改，或被替换为旧副本。在店主检查（shopdeskctl audit verify）并确认（shopdeskctl --as 店主 audit reanchor --yes）之前，ShopDesk 不写入任何内容。</translation>
    </message>
</context>
<context>
    <name>Gates</name>
    <message>
        <source>Needs the permission %1</source>
        <translation>需要权限：%1</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>ShopDesk is already running on this database (process %1). Switch to that window, or start with --db to open another database.</source>
        <translation>ShopDesk 已在此数据库上运行（进程 %1）。请切换到该窗口，或用 --db 打开另一个数据库。</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1 (permission denied or disk full).</source>
        <translation>无法创建锁文件 %1（没有权限或磁盘已满）。</translation>
    </message>
</context>
<context>
    <name>OrderService</name>
    <message>
        <source>Not shown: the audit log could not record the reveal (%1).</source>
        <translation>未显示：审计日志无法记录此次查看（%1）。</translation>
    </message>
</context>
<context>
    <name>PlatformError</name>
    <message>
        <source>The shop&apos;s authorisation has expired; the shop owner must authorise ShopDesk again.</source>
        <translation>店铺授权已过期，请店主重新授权 ShopDesk。</translation>
    </message>
    <message>
        <source>The platform is busy (too many requests); try again in %1 s.</source>
        <translation>平台繁忙（请求过多），请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The platform does not know that order or conversation.</source>
        <translation>平台上找不到该订单或会话。</translation>
    </message>
    <message>
        <source>The platform cannot be reached (network); try again in a moment.</source>
        <translation>无法连接平台（网络问题），请稍后再试。</translation>
    </message>
    <message>
        <source>The platform refused: %1 (%2).</source>
        <translation>平台拒绝：%1（%2）。</translation>
    </message>
</context>
<context>
    <name>SimulatedShop</name>
    <message>
        <source>No buyer %1.</source>
        <translation>没有买家 %1。</translation>
    </message>
    <message>
        <source>No agent %1.</source>
        <translation>没有客服 %1。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>The message is too long.</source>
        <translation>消息太长。</translation>
    </message>
    <message>
        <source>%1 is not in a chat with %2.</source>
        <translation>%1 没有在与 %2 会话。</translation>
    </message>
    <message>
        <source>%1 has no open conversation.</source>
        <translation>%1 没有进行中的会话。</translation>
    </message>
    <message>
        <source>%1 is not %2&apos;s buyer.</source>
        <translation>%1 不是 %2 接待的买家。</translation>
    </message>
    <message>
        <source>No group %1.</source>
        <translation>没有分组 %1。</translation>
    </message>
    <message>
        <source>Nobody of %1 is online.</source>
        <translation>%1 没有人在线。</translation>
    </message>
    <message>
        <source>%1 has no open conversation with %2.</source>
        <translation>%1 与 %2 没有进行中的会话。</translation>
    </message>
    <message>
        <source>There is no %1 on the platform.</source>
        <translation>平台上没有 %1。</translation>
    </message>
    <message>
        <source>The goods were shipped as agreed</source>
        <translation>已按约定发货</translation>
    </message>
    <message>
        <source>The buyer has not returned the goods</source>
        <translation>买家未退回商品</translation>
    </message>
    <message>
        <source>The returned goods are damaged or incomplete</source>
        <translation>退回商品有损坏或不全</translation>
    </message>
    <message>
        <source>Agreed otherwise with the buyer</source>
        <translation>已与买家协商一致</translation>
    </message>
    <message>
        <source>The amount asked exceeds what was paid</source>
        <translation>申请金额超过实付金额</translation>
    </message>
</context>
<context>
    <name>WorkbenchService</name>
    <message>
        <source>The draft is longer than %1 characters and was not kept; it is still in the box.</source>
        <translation>草稿超过 %1 个字符，未保存；内容仍在输入框中。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>This database has no shop yet. Create one with `shopdeskctl init`, or start with --demo.</source>
        <translation>此数据库还没有店铺。请用 `shopdeskctl init` 创建，或以 --demo 启动。</translation>
    </message>
    <message>
        <source>ShopDesk is already open on this database: its window was brought to the front.</source>
        <translation>ShopDesk 已在此数据库上打开：已将其窗口切换到前台。</translation>
    </message>
</context>
<context>
    <name>shopdesk::AgentReportService</name>
    <message>
        <source>The report&apos;s end must be after its start.</source>
        <translation>报表的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Slow replies are slower than 1 s or more.</source>
        <translation>慢回复的阈值至少为 1 秒。</translation>
    </message>
</context>
<context>
    <name>shopdesk::BuyerService</name>
    <message>
        <source>A buyer&apos;s grade is VIP, A, B, C or none.</source>
        <translation>买家等级只能是 VIP、A、B、C 或无。</translation>
    </message>
    <message>
        <source>A tag has at most %1 characters: %2</source>
        <translation>标签最多 %1 个字：%2</translation>
    </message>
    <message>
        <source>A buyer has at most %1 tags.</source>
        <translation>每位买家最多 %1 个标签。</translation>
    </message>
    <message>
        <source>Choose the messages to delete: nothing was deleted.</source>
        <translation>请先选择要删除的消息：未删除任何内容。</translation>
    </message>
    <message>
        <source>Nothing was deleted: type the buyer&apos;s name, %1, exactly to confirm.</source>
        <translation>未删除任何内容：请准确输入买家名称 %1 以确认。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ChatService</name>
    <message>
        <source>%1 has no order %2.</source>
        <translation>%1 没有订单 %2。</translation>
    </message>
    <message>
        <source>Choose a colleague or a group to transfer to.</source>
        <translation>请选择要转交的同事或分组。</translation>
    </message>
    <message>
        <source>The conversation is already yours.</source>
        <translation>该会话已经由你接待。</translation>
    </message>
    <message>
        <source>The note has at most %1 characters.</source>
        <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>A message has at most %1 characters (this one has %2); split it or send a link.</source>
        <translation>一条消息最多 %1 个字（当前 %2 个），请拆分或发送链接。</translation>
    </message>
    <message>
        <source>Fill in or remove %1 before sending: the buyer would read it as it is.</source>
        <translation>发送前请填写或删除 %1：否则买家会原样看到。</translation>
    </message>
    <message>
        <source>There is no conversation with %1.</source>
        <translation>没有与 %1 的会话。</translation>
    </message>
    <message>
        <source>%1 is waiting in the queue</source>
        <translation>%1 正在排队</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s buyer</source>
        <translation>%1 是 %2 的买家</translation>
    </message>
    <message>
        <source>%1 was last served by %2</source>
        <translation>%1 上次由 %2 接待</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>%1: acting on a colleague&apos;s or a queued buyer needs the permission chat.supervise.</source>
        <translation>%1：处理同事的或排队中的买家需要 chat.supervise 权限。</translation>
    </message>
    <message>
        <source>The order %1 is no longer awaiting payment.</source>
        <translation>订单 %1 已不是待付款状态。</translation>
    </message>
</context>
<context>
    <name>shopdesk::FollowUpRulesService</name>
    <message>
        <source>%1 takes a whole number from 1 to %2.</source>
        <translation>%1 须为 1 到 %2 的整数。</translation>
    </message>
    <message>
        <source>There is no setting %1.</source>
        <translation>没有设置项 %1。</translation>
    </message>
</context>
<context>
    <name>shopdesk::OrderActionService</name>
    <message>
        <source>There is no order %1.</source>
        <translation>没有订单 %1。</translation>
    </message>
    <message>
        <source>There is no refund %1.</source>
        <translation>没有退款 %1。</translation>
    </message>
    <message>
        <source>A seller remark has at most 1,000 bytes (this one has %1; a Chinese character takes 3).</source>
        <translation>卖家备注最多 1000 字节（当前 %1 字节，一个汉字占 3 字节）。</translation>
    </message>
    <message>
        <source>The flag colour must be 0 (grey) to 5 (pink).</source>
        <translation>旗帜颜色须为 0（灰）到 5（粉）。</translation>
    </message>
    <message>
        <source>Give the receiver&apos;s name (at most 50 characters).</source>
        <translation>请填写收货人姓名（最多 50 个字）。</translation>
    </message>
    <message>
        <source>The phone number is not valid: give an 11-digit mobile number or a landline with area code.</source>
        <translation>电话号码无效：请填写 11 位手机号或带区号的固话。</translation>
    </message>
    <message>
        <source>Give the full address: province, city, district and street (5 to 200 characters).</source>
        <translation>请填写完整地址：省、市、区和街道（5 到 200 个字）。</translation>
    </message>
    <message>
        <source>Order %1 has already shipped (%2): its address can no longer be changed. Offer the buyer a parcel interception or a return instead.</source>
        <translation>订单 %1 已发货（%2），不能再改地址。可为买家申请拦截快递或退货。</translation>
    </message>
    <message>
        <source>Order %1 is already paid (%2): its price can no longer be changed.</source>
        <translation>订单 %1 已付款（%2），不能再改价。</translation>
    </message>
    <message>
        <source>The new price must be above ¥0.00.</source>
        <translation>新价格必须高于 ¥0.00。</translation>
    </message>
    <message>
        <source>A price change is a discount: the new price must be below the current %1.</source>
        <translation>改价只能优惠：新价格须低于当前的 %1。</translation>
    </message>
    <message>
        <source>Refund %1 is already decided (%2).</source>
        <translation>退款 %1 已处理（%2）。</translation>
    </message>
    <message>
        <source>Give the buyer a reason for refusing the refund.</source>
        <translation>请填写拒绝退款的理由（买家可见）。</translation>
    </message>
    <message>
        <source>The reason has at most %1 characters.</source>
        <translation>理由最多 %1 个字。</translation>
    </message>
    <message>
        <source>A reply has 1 to %1 characters.</source>
        <translation>回复须为 1 到 %1 个字。</translation>
    </message>
</context>
<context>
    <name>shopdesk::QuickReplyService</name>
    <message>
        <source>Only its owner may change a personal phrase.</source>
        <translation>个人短语只能由本人修改。</translation>
    </message>
    <message>
        <source>That phrase no longer exists.</source>
        <translation>该短语已不存在。</translation>
    </message>
    <message>
        <source>A phrase has 1 to %1 characters.</source>
        <translation>短语须为 1 到 %1 个字。</translation>
    </message>
    <message>
        <source>A short code has at most %1 characters and no spaces.</source>
        <translation>快捷编码最多 %1 个字符，且不能有空格。</translation>
    </message>
    <message>
        <source>A group name has at most %1 characters.</source>
        <translation>分组名最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ShopTextsService</name>
    <message>
        <source>There is no setting %1.</source>
        <translation>没有设置项 %1。</translation>
    </message>
    <message>
        <source>%1 has at most %2 characters.</source>
        <translation>%1 最多 %2 个字符。</translation>
    </message>
    <message>
        <source>The payment reminder cannot be empty: it is what the reminder button sends.</source>
        <translation>催付话术不能为空：催付按钮发送的就是它。</translation>
    </message>
</context>
<context>
    <name>shopdesk::SimSettingsService</name>
    <message>
        <source>Colleague bots: 0 to %1.</source>
        <translation>同事机器人：0 到 %1 个。</translation>
    </message>
    <message>
        <source>Buyers per minute: 0 to %1.</source>
        <translation>每分钟买家数：0 到 %1。</translation>
    </message>
    <message>
        <source>Speed: 1 (real time) to %1 simulated seconds a second.</source>
        <translation>速度：1（实时）到每秒 %1 个模拟秒。</translation>
    </message>
    <message>
        <source>%1 takes a number.</source>
        <translation>%1 需要一个数字。</translation>
    </message>
    <message>
        <source>%1 takes a whole number.</source>
        <translation>%1 需要一个整数。</translation>
    </message>
    <message>
        <source>There is no setting %1.</source>
        <translation>没有设置项 %1。</translation>
    </message>
</context>
<context>
    <name>shopdesk::auth</name>
    <message>
        <source>SHOPDESK_LANGUAGE</source>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>%1 may not %2: that needs the permission %3 (%4).</source>
        <translation>%1 无权%2：这需要权限 %3（%4）。</translation>
    </message>
</context>
<context>
    <name>shopdesk::phrasecsv</name>
    <message>
        <source>The file is not UTF-8 text. Save it as &quot;CSV UTF-8&quot;.</source>
        <translation>文件不是 UTF-8 文本，请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation>有引号字段未闭合。</translation>
    </message>
    <message>
        <source>Expected 3 columns (group, code, text), found %1.</source>
        <translation>应有 3 列（分组、编码、内容），实际 %1 列。</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>内容为空。</translation>
    </message>
    <message>
        <source>The text has %1 characters; at most %2.</source>
        <translation>内容有 %1 个字，最多 %2 个。</translation>
    </message>
    <message>
        <source>The code &quot;%1&quot; is longer than %2 characters or has spaces.</source>
        <translation>编码“%1”超过 %2 个字符或含有空格。</translation>
    </message>
    <message>
        <source>The group name has more than %1 characters.</source>
        <translation>分组名超过 %1 个字。</translation>
    </message>
    <message>
        <source>The code &quot;%1&quot; appears twice in the file.</source>
        <translation>编码“%1”在文件中出现了两次。</translation>
    </message>
</context>
<context>
    <name>shopdesk::remote::RemoteLink</name>
    <message>
        <source>The connection to the server was closed.</source>
        <translation>与服务器的连接已关闭。</translation>
    </message>
    <message>
        <source>First connection to %1: trusting its certificate with SHA-256 fingerprint %2 (remembered; compare it with what shopdesk-server init printed).</source>
        <translation>首次连接 %1：已信任其证书，SHA-256 指纹为 %2（已记住；请与 shopdesk-server init 打印的指纹核对）。</translation>
    </message>
    <message>
        <source>The server %1 showed a certificate with fingerprint %2, not the expected %3: the connection was refused. If the server&apos;s certificate was replaced on purpose, give the new fingerprint with --server-fingerprint.</source>
        <translation>服务器 %1 出示的证书指纹为 %2，而不是预期的 %3：已拒绝连接。如果服务器证书是有意更换的，请用 --server-fingerprint 提供新指纹。</translation>
    </message>
    <message>
        <source>The server address must be HOST:PORT, e.g. 192.168.1.20:7443.</source>
        <translation>服务器地址须为 主机:端口，例如 192.168.1.20:7443。</translation>
    </message>
    <message>
        <source>An unencrypted connection is allowed only to a server on this PC.</source>
        <translation>只有本机上的服务器才允许不加密连接。</translation>
    </message>
    <message>
        <source>The server %1 showed no certificate.</source>
        <translation>服务器 %1 未出示证书。</translation>
    </message>
    <message>
        <source>The connection to the server %1 dropped.</source>
        <translation>与服务器 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection (%2).</source>
        <translation>服务器 %1 关闭了连接（%2）。</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>The server %1 did not answer within %2 s.</source>
        <translation>服务器 %1 在 %2 秒内没有应答。</translation>
    </message>
    <message>
        <source>Not connected to the server.</source>
        <translation>未连接到服务器。</translation>
    </message>
    <message>
        <source>The server did not answer within %1 s.</source>
        <translation>服务器在 %1 秒内没有应答。</translation>
    </message>
</context>
<context>
    <name>shopdesk::server</name>
    <message>
        <source>No history upload &apos;%1&apos; is under way on this connection.</source>
        <translation>此连接上没有进行中的历史上传“%1”。</translation>
    </message>
    <message>
        <source>The server is stopping; nothing was imported.</source>
        <translation>服务器正在停止；未导入任何内容。</translation>
    </message>
    <message>
        <source>The history file stopped arriving for two minutes; nothing was imported.</source>
        <translation>历史文件已两分钟没有传来；未导入任何内容。</translation>
    </message>
    <message>
        <source>The import has ended.</source>
        <translation>导入已结束。</translation>
    </message>
    <message>
        <source>The import ended before the file did; nothing more is taken.</source>
        <translation>导入在文件传完之前已结束；不再接收更多内容。</translation>
    </message>
    <message>
        <source>A chunk of the history file is not base64; nothing was imported.</source>
        <translation>历史文件的一个分块不是 base64；未导入任何内容。</translation>
    </message>
    <message>
        <source>A chunk of the history file is larger than %1 KiB; nothing was imported.</source>
        <translation>历史文件的一个分块超过 %1 KiB；未导入任何内容。</translation>
    </message>
    <message>
        <source>The connection dropped; nothing was imported.</source>
        <translation>连接已断开；未导入任何内容。</translation>
    </message>
    <message>
        <source>The platform did not answer.</source>
        <translation>平台没有应答。</translation>
    </message>
    <message>
        <source>Not done: the audit log could not record it (%1).</source>
        <translation>未执行：审计日志无法记录此操作（%1）。</translation>
    </message>
    <message>
        <source>This reply waited %1 s for the link, longer than the %2 s a reply may wait; not sent.</source>
        <translation>这条回复等待连接 %1 秒，超过了回复可等待的 %2 秒；未发送。</translation>
    </message>
    <message>
        <source>Choose a colleague or a group to transfer to.</source>
        <translation>请选择要转交的同事或分组。</translation>
    </message>
    <message>
        <source>The note has at most 200 characters.</source>
        <translation>备注最多 200 个字符。</translation>
    </message>
    <message>
        <source>The conversation is already yours.</source>
        <translation>该会话已经由你接待。</translation>
    </message>
    <message>
        <source>The status is online, away or offline.</source>
        <translation>状态只能是在线、离开或离线。</translation>
    </message>
    <message>
        <source>Unknown permission &apos;%1&apos;.</source>
        <translation>未知的权限“%1”。</translation>
    </message>
    <message>
        <source>The session is not known to the server; log in again.</source>
        <translation>服务器不认识此会话；请重新登录。</translation>
    </message>
    <message>
        <source>Binary frames are not part of the ShopDesk protocol.</source>
        <translation>二进制帧不属于 ShopDesk 协议。</translation>
    </message>
    <message>
        <source>The first request on a connection must be hello.</source>
        <translation>连接上的第一个请求必须是 hello。</translation>
    </message>
    <message>
        <source>Log in first (login or resume).</source>
        <translation>请先登录（login 或 resume）。</translation>
    </message>
    <message>
        <source>The server does not know the operation &apos;%1&apos;.</source>
        <translation>服务器不认识操作“%1”。</translation>
    </message>
    <message>
        <source>This program speaks version %1 of the ShopDesk team protocol and the server speaks version %2; install the same ShopDesk version on both.</source>
        <translation>本程序使用 ShopDesk 团队协议第 %1 版，服务器使用第 %2 版；请在两边安装相同版本的 ShopDesk。</translation>
    </message>
    <message>
        <source>This session was ended (%1); log in again.</source>
        <translation>此会话已结束（%1）；请重新登录。</translation>
    </message>
    <message>
        <source>The session expired after %1 minutes without activity; log in again.</source>
        <translation>会话在 %1 分钟无操作后已过期；请重新登录。</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::DeskCache</name>
    <message>
        <source>This desktop has no copy of that account&apos;s work on that server.</source>
        <translation>本机没有该账号在该服务器上的离线副本。</translation>
    </message>
    <message>
        <source>The folder for this desktop&apos;s copy cannot be made.</source>
        <translation>无法创建本机离线副本的文件夹。</translation>
    </message>
    <message>
        <source>The password does not open this desktop&apos;s copy (the one last used here on that server).</source>
        <translation>密码无法打开本机的离线副本（须为上次在本机登录该服务器时的密码）。</translation>
    </message>
    <message>
        <source>The key for this desktop&apos;s copy could not be made.</source>
        <translation>无法生成本机离线副本的密钥。</translation>
    </message>
    <message>
        <source>This desktop&apos;s copy cannot be opened (%1).</source>
        <translation>无法打开本机的离线副本（%1）。</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::DraftBook</name>
    <message>
        <source>The draft could not be kept on this computer (%1); it stays in the reply box.</source>
        <translation>草稿未能保存在本机（%1），仍留在回复框中。</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::Outbox</name>
    <message>
        <source>Offline: only a reply in a chat you held when the link dropped can wait for the link; this one stays in the reply box.</source>
        <translation>离线：只有断线时由您接待的会话，回复才能排队等待联网；这条留在输入框中。</translation>
    </message>
    <message>
        <source>it waited longer than %1 s for the link</source>
        <translation>等待联网超过 %1 秒</translation>
    </message>
    <message>
        <source>Not sent to %1 (%2); the text is back in that chat&apos;s reply box.</source>
        <translation>未能发给 %1（%2），文字已放回该会话的输入框。</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::RemoteOrders</name>
    <message>
        <source>Reading this buyer&apos;s orders from the team server...</source>
        <translation>正在从团队服务器读取该买家的订单……</translation>
    </message>
    <message>
        <source>Reading the follow-ups from the team server...</source>
        <translation>正在从团队服务器读取待跟进……</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::RemoteSession</name>
    <message>
        <source>Loading from the server…</source>
        <translation>正在从服务器读取…</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached, so this needs to wait until the link is back.</source>
        <translation>离线：连不上服务器，这一步要等连接恢复后再做。</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <source>In team mode the audit log is re-anchored on the server (shopdesk-server).</source>
        <translation>团队模式下，审计日志在服务器上（shopdesk-server）重新锚定。</translation>
    </message>
    <message>
        <source>ShopDesk is already open for %1 on %2 on this computer; switch to that window.</source>
        <translation>本机已有 ShopDesk 以 %1 登录 %2，请切换到那个窗口。</translation>
    </message>
</context>
<context>
    <name>shopdesk::session::Unserved</name>
    <message>
        <source>%1 is not served by the team server yet; use a single-seat ShopDesk for it.</source>
        <translation>团队服务器暂不提供“%1”；请在单机版 ShopDesk 中使用。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The shop&apos;s texts</source>
        <translation>店铺话术</translation>
    </message>
    <message>
        <source>Order actions</source>
        <translation>订单操作</translation>
    </message>
    <message>
        <source>A simulation run invents thousands of buyers and orders, so it runs only on a single-seat store; a team server&apos;s router runs the simulated shop live (sim.buyers_per_minute).</source>
        <translation>模拟运行会虚构成千上万的买家和订单，所以只在单机店铺上运行；团队服务器的分流器会实时运行模拟店铺（sim.buyers_per_minute）。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::AccountDialog</name>
    <message>
        <source>New sub-account</source>
        <translation>新建子账号</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无分组）</translation>
    </message>
    <message>
        <source>group default</source>
        <translation>分组默认</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>You cannot grant this role: it holds permissions you do not have.</source>
        <translation>你不能授予此角色：它包含你没有的权限。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Reception limit</source>
        <translation>接待上限</translation>
    </message>
    <message>
        <source>Give the sub-account a name.</source>
        <translation>请填写子账号名称。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::AccountsPage</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>group default</source>
        <translation>分组默认</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 created.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>A new password for %1. They must choose their own at the next login.</source>
        <translation>为 %1 设置新密码。对方下次登录时须改成自己的密码。</translation>
    </message>
    <message>
        <source>Password of %1 reset.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>Nothing deleted: type the account&apos;s name, %1, exactly.</source>
        <translation>未删除：请准确输入账号名 %1。</translation>
    </message>
    <message>
        <source>%1 deleted; their history stays attributed to the name.</source>
        <translation>已删除 %1；其历史记录仍归属于该名称。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Deleting a sub-account is irreversible: it can never log in again (its history stays attributed to its name). Type %1 to confirm.</source>
        <translation>删除子账号不可撤销：该账号将无法再登录（历史记录仍归属于其名称）。请输入 %1 确认。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>disabled, locked</source>
        <translation>已停用、已锁定</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Choose an account first.</source>
        <translation>请先选择一个账号。</translation>
    </message>
    <message>
        <source>The selected account is not locked.</source>
        <translation>所选账号未被锁定。</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 已修改。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::AuditPage</name>
    <message>
        <source>Actor (full name)</source>
        <translation>操作人（完整名称）</translation>
    </message>
    <message>
        <source>Action, or its start (refund., login.failed)</source>
        <translation>操作，或其开头（refund.、login.failed）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target / detail</source>
        <translation>对象 / 详情</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries, none edited or removed.</source>
        <translation>✔ 审计链完好：共 %1 条，无修改或删除。</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1: %2</source>
        <translation>✘ 审计链在第 %1 条处断开：%2</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>正在校验审计链…</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::BubbleDelegate</name>
    <message>
        <source>Order card</source>
        <translation>订单卡片</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ChangePasswordDialog</name>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>A password has at least 8 characters.</source>
        <translation>密码至少 8 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ChatView</name>
    <message>
        <source>Phrases /</source>
        <translation>快捷短语 /</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>End chat</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Search this conversation (Enter), Esc closes</source>
        <translation>搜索本会话（回车），Esc 关闭</translation>
    </message>
    <message>
        <source>Type a reply. Enter sends, Shift+Enter starts a new line, / + keyword inserts a phrase</source>
        <translation>输入回复。回车发送，Shift+回车换行，输入 / 加关键词插入快捷短语</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>Hand this buyer to a colleague or a group</source>
        <translation>把买家转交给同事或分组</translation>
    </message>
    <message>
        <source>End the chat with a closing line</source>
        <translation>发送结束语并结束会话</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Order card not sent: %1</source>
        <translation>订单卡片未发送：%1</translation>
    </message>
    <message>
        <source>Fill in before sending: %1</source>
        <translation>发送前请补全：%1</translation>
    </message>
    <message>
        <source>Nothing in this conversation matches.</source>
        <translation>本会话中没有匹配的消息。</translation>
    </message>
    <message>
        <source>Transfer %1</source>
        <translation>转交 %1</translation>
    </message>
    <message>
        <source>What the colleague should know (at most 200 characters)</source>
        <translation>需要同事了解的情况（最多 200 字）</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转给</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Transferred.</source>
        <translation>已转交。</translation>
    </message>
    <message>
        <source>Not transferred: %1</source>
        <translation>未转交：%1</translation>
    </message>
    <message>
        <source>End the chat with %1</source>
        <translation>结束与 %1 的会话</translation>
    </message>
    <message>
        <source>Invite the buyer to rate this service</source>
        <translation>邀请买家评价本次服务</translation>
    </message>
    <message>
        <source>Closing line</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Chat ended.</source>
        <translation>会话已结束。</translation>
    </message>
    <message>
        <source>Not ended: %1</source>
        <translation>未结束：%1</translation>
    </message>
    <message>
        <source>Draft not kept: %1</source>
        <translation>草稿未保存：%1</translation>
    </message>
    <message>
        <source>Fill in or remove %1 before sending.</source>
        <translation>发送前请填写或删除 %1。</translation>
    </message>
    <message>
        <source>Payment reminder sent.</source>
        <translation>催付消息已发送。</translation>
    </message>
    <message>
        <source>Reminder not sent: %1</source>
        <translation>催付未发送：%1</translation>
    </message>
    <message>
        <source>%1 now serves this buyer: this chat is for reading. Your draft is kept.</source>
        <translation>该买家现由 %1 接待：此会话只能查看，您的草稿已保留。</translation>
    </message>
    <message>
        <source>Group %1 · %2 in chats</source>
        <translation>%1组 · 接待中 %2</translation>
    </message>
    <message>
        <source>Group %1 · nobody online</source>
        <translation>%1组 · 无人在线</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 · %4</source>
        <translation>%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <source>Cannot receive buyers now (not online).</source>
        <translation>现在不能接待（不在线）。</translation>
    </message>
    <message>
        <source>Nobody can receive the buyer now: every colleague and group is offline.</source>
        <translation>现在没有人能接待该买家：所有同事和分组都不在线。</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>%1组</translation>
    </message>
    <message>
        <source>status unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>Replies waiting for the link to the server: %1. They go when it is back (until %2); else they come back to the reply box.</source>
        <translation>等待与服务器连接的回复：%1 条。恢复后即发出（最晚 %2），否则退回输入框。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ConsoleWindow</name>
    <message>
        <source>Sub-accounts</source>
        <translation>子账号</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>分流</translation>
    </message>
    <message>
        <source>Live queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>绩效</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>ShopDesk — management</source>
        <translation>ShopDesk — 管理</translation>
    </message>
    <message>
        <source>Phrase library</source>
        <translation>快捷短语库</translation>
    </message>
    <message>
        <source>Shop texts</source>
        <translation>店铺话术</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ConversationListModel</name>
    <message>
        <source>Serving (%1)</source>
        <translation>接待中（%1）</translation>
    </message>
    <message>
        <source>No buyer right now</source>
        <translation>暂无买家</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation>排队中（%1）</translation>
    </message>
    <message>
        <source>Nobody is waiting</source>
        <translation>无人排队</translation>
    </message>
    <message>
        <source>%1 waiting · estimated wait %2 min</source>
        <translation>%1 人排队 · 预计等待 %2 分钟</translation>
    </message>
    <message>
        <source>%1 waiting · no agent online for them</source>
        <translation>%1 人排队 · 暂无可接待的在线客服</translation>
    </message>
    <message>
        <source>Recent (%1)</source>
        <translation>最近联系（%1）</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ConversationListPanel</name>
    <message>
        <source>Filter buyers, tags, messages</source>
        <translation>筛选买家、标签、消息</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::CustomerTab</name>
    <message>
        <source>Save grade and tags</source>
        <translation>保存等级和标签</translation>
    </message>
    <message>
        <source>Show in full (audited)</source>
        <translation>查看完整信息（将记录审计）</translation>
    </message>
    <message>
        <source>No grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>No order yet</source>
        <translation>暂无订单</translation>
    </message>
    <message>
        <source>Member level: %1 · %2 orders placed</source>
        <translation>会员等级：%1 · 下单 %2 次</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Shown in full; this view is recorded in the audit log.</source>
        <translation>已显示完整信息，本次查看已记入审计日志。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::FollowUpPanel</name>
    <message>
        <source>Payment reminder</source>
        <translation>催付</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sends the reminder phrase and the order card to the buyer</source>
        <translation>向买家发送催付话术和订单卡片</translation>
    </message>
    <message>
        <source>Unpaid for %1 h</source>
        <translation>未付款 %1 小时</translation>
    </message>
    <message>
        <source>Paid %1 h ago, not shipped</source>
        <translation>已付款 %1 小时未发货</translation>
    </message>
    <message>
        <source>No parcel update for %1 h</source>
        <translation>物流 %1 小时未更新</translation>
    </message>
    <message>
        <source>Nothing to chase.</source>
        <translation>暂无待跟进。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::HistorySearchDialog</name>
    <message>
        <source>Show older matches</source>
        <translation>显示更早的结果</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>聊天记录：%1</translation>
    </message>
    <message>
        <source>Nothing found. Every word must occur in the message.</source>
        <translation>没有找到。消息须包含每个词。</translation>
    </message>
    <message>
        <source>The newest %1 matches are shown; there are older ones.</source>
        <translation>已显示最新的 %1 条结果，还有更早的。</translation>
    </message>
    <message>
        <source>%1 match(es), all shown.</source>
        <translation>共 %1 条结果，已全部显示。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::LoginDialog</name>
    <message>
        <source>ShopDesk — log in</source>
        <translation>ShopDesk — 登录</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; customer service</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 客服</translation>
    </message>
    <message>
        <source>Sub-account, e.g. %1:小美</source>
        <translation>子账号，例如 %1:小美</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Type your sub-account name.</source>
        <translation>请输入子账号。</translation>
    </message>
    <message>
        <source>Your password was reset: choose a new one to continue.</source>
        <translation>你的密码已被重置，请设置新密码后继续。</translation>
    </message>
    <message>
        <source>Your supervisor reset your password. Choose your own before you start.</source>
        <translation>主管重置了你的密码，开始工作前请设置自己的密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>&lt;b&gt;ShopDesk&lt;/b&gt; customer service</source>
        <translation>&lt;b&gt;ShopDesk&lt;/b&gt; 客服工作台</translation>
    </message>
    <message>
        <source>Empty: this PC&apos;s shop; a team: HOST:PORT</source>
        <translation>留空：本机店铺；团队：主机:端口</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::LogisticsTab</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>No shipped order.</source>
        <translation>没有已发货的订单。</translation>
    </message>
    <message>
        <source>No trace yet.</source>
        <translation>暂无物流轨迹。</translation>
    </message>
    <message>
        <source>Asking the carrier…</source>
        <translation>正在查询快递公司…</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Only online agents receive new buyers</source>
        <translation>只有在线客服会接入新买家</translation>
    </message>
    <message>
        <source>Search all chat history (Enter)</source>
        <translation>搜索全部聊天记录（回车）</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>New buyer</source>
        <translation>新买家</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>新消息</translation>
    </message>
    <message>
        <source>%1 new message(s) from buyers</source>
        <translation>买家发来 %1 条新消息</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>会话(&amp;C)</translation>
    </message>
    <message>
        <source>Message records of this buyer…</source>
        <translation>该买家的消息记录…</translation>
    </message>
    <message>
        <source>Search this conversation</source>
        <translation>搜索本会话</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Flash the taskbar on new buyers and messages</source>
        <translation>新买家和新消息时闪烁任务栏</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>播放提示音</translation>
    </message>
    <message>
        <source>Show a tray message</source>
        <translation>显示托盘通知</translation>
    </message>
    <message>
        <source>Enter sends (Shift+Enter: new line); off: Ctrl+Enter sends</source>
        <translation>回车发送（Shift+回车换行）；关闭后 Ctrl+回车发送</translation>
    </message>
    <message>
        <source>Status not changed: %1</source>
        <translation>状态未切换：%1</translation>
    </message>
    <message>
        <source>No conversation with %1 is stored yet.</source>
        <translation>还没有与 %1 的会话记录。</translation>
    </message>
    <message>
        <source>That conversation is no longer stored.</source>
        <translation>该会话已不在本地记录中。</translation>
    </message>
    <message>
        <source>Open a buyer&apos;s chat first.</source>
        <translation>请先打开一位买家的会话。</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接 %1</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>未连接 %1</translation>
    </message>
    <message>
        <source> · %1 buyer(s) waiting over %2 s</source>
        <translation> · %1 位买家等待超过 %2 秒</translation>
    </message>
    <message>
        <source>Serving %1 · queue %2</source>
        <translation>接待中 %1 · 排队 %2</translation>
    </message>
    <message>
        <source>Slow-reply warning after…</source>
        <translation>慢回复提醒时间…</translation>
    </message>
    <message>
        <source>Slow-reply warning</source>
        <translation>慢回复提醒</translation>
    </message>
    <message>
        <source>Seconds a buyer may wait for an answer before the timer turns amber:</source>
        <translation>买家等待回复多少秒后计时变为黄色：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when ShopDesk starts again.</source>
        <translation>语言将在重新启动 ShopDesk 后切换。</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <source> · Waiting for the database: another program is writing to it (%1 s so far); your %2 change(s) are queued and will be saved</source>
        <translation> · 正在等待数据库：另一个程序正在写入（已等待 %1 秒）；您的 %2 项更改已排队，稍后保存</translation>
    </message>
    <message>
        <source>Search all history</source>
        <translation>搜索全部聊天记录</translation>
    </message>
    <message>
        <source>You are now %1.</source>
        <translation>您现在的状态：%1。</translation>
    </message>
    <message>
        <source>ShopDesk — %1 — %2 (%3)</source>
        <translation>ShopDesk — %1 — %2（%3）</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>切换账号…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>You are serving %1 buyer(s)</source>
        <translation>您正在接待 %1 位买家</translation>
    </message>
    <message>
        <source>You are serving %1 buyer(s). You are set away first, so that no new buyer comes to you. Then:</source>
        <translation>您正在接待 %1 位买家。先将您设为离开，不再分配新买家。然后：</translation>
    </message>
    <message>
        <source>Hand them to my group</source>
        <translation>转给本组同事</translation>
    </message>
    <message>
        <source>Keep them (they wait for me)</source>
        <translation>保留（买家等我回来）</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>不离开</translation>
    </message>
    <message>
        <source>You are in no group: your buyers stay with you.</source>
        <translation>您不在任何分组：买家仍由您接待。</translation>
    </message>
    <message>
        <source>Handed over: the agent left the desk</source>
        <translation>转交：客服已离开工位</translation>
    </message>
    <message>
        <source>Not handed over: %1. They stay with you.</source>
        <translation>未能转交：%1。仍由您接待。</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>At least 8 characters, not your account name. Your other logins end.</source>
        <translation>至少 8 个字符，不能与账号名相同。您在其他地方的登录会退出。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>两次输入的新密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Offline since %1: the server %2 cannot be reached. You see what this desktop last read; a reply in a chat you hold waits for the link (up to 2 minutes), everything else needs the link. Nothing you typed is lost.</source>
        <translation>%1 起离线：无法连接服务器 %2。您看到的是本机上次读取的内容；您接待中的会话里的回复会排队等待联网（最多 2 分钟），其他操作需要联网。您输入的内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::MessageManagerDialog</name>
    <message>
        <source>Message records of %1</source>
        <translation>%1 的消息记录</translation>
    </message>
    <message>
        <source>Search this buyer&apos;s messages</source>
        <translation>搜索该买家的消息</translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Delete selected…</source>
        <translation>删除所选…</translation>
    </message>
    <message>
        <source>Delete all of this buyer…</source>
        <translation>删除该买家全部记录…</translation>
    </message>
    <message>
        <source>Delete the %1 selected message(s) of %2? This cannot be undone and is recorded in the audit log.</source>
        <translation>删除 %2 的 %1 条所选消息？此操作无法撤销，并会记入审计日志。</translation>
    </message>
    <message>
        <source>Delete all records of %1</source>
        <translation>删除 %1 的全部记录</translation>
    </message>
    <message>
        <source>Every message of %1, in every conversation, is deleted for good and the deletion recorded in the audit log. Type the buyer&apos;s name, %1, to confirm.</source>
        <translation>%1 在所有会话中的每条消息都将被永久删除，删除操作会记入审计日志。请输入买家名称 %1 以确认。</translation>
    </message>
    <message>
        <source>Deletes the selected messages</source>
        <translation>删除所选消息</translation>
    </message>
    <message>
        <source>Select the messages to delete first.</source>
        <translation>请先选择要删除的消息。</translation>
    </message>
    <message>
        <source>Deletes every message of this buyer, after you type their name</source>
        <translation>输入买家名称后，删除该买家的全部消息</translation>
    </message>
    <message>
        <source>%1 message(s) deleted.</source>
        <translation>已删除 %1 条消息。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::OrdersTab</name>
    <message>
        <source>Save remark</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Change address…</source>
        <translation>修改地址…</translation>
    </message>
    <message>
        <source>Change price…</source>
        <translation>修改价格…</translation>
    </message>
    <message>
        <source>Send to chat</source>
        <translation>发送到会话</translation>
    </message>
    <message>
        <source>Seller remark (only the shop sees it; at most 1,000 bytes)</source>
        <translation>卖家备注（仅店铺可见，最多 1000 字节）</translation>
    </message>
    <message>
        <source>This buyer has no order yet.</source>
        <translation>该买家还没有订单。</translation>
    </message>
    <message>
        <source>Choose an order first.</source>
        <translation>请先选择订单。</translation>
    </message>
    <message>
        <source>Total %1 · placed %2</source>
        <translation>合计 %1 · 下单 %2</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>付款 %1</translation>
    </message>
    <message>
        <source>Receiver: %1 %2 %3</source>
        <translation>收货人：%1 %2 %3</translation>
    </message>
    <message>
        <source>Flagged by %1</source>
        <translation>插旗：%1</translation>
    </message>
    <message>
        <source>The goods have left: the address can no longer be changed (%1).</source>
        <translation>已发货，不能再改地址（%1）。</translation>
    </message>
    <message>
        <source>The order is paid: its price can no longer be changed (%1).</source>
        <translation>已付款，不能再改价（%1）。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Remark saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <source>New receiver for %1</source>
        <translation>%1 的新收货信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The buyer&apos;s new address, in full (it is stored encrypted).</source>
        <translation>买家的新地址，请完整填写（加密保存）。</translation>
    </message>
    <message>
        <source>Address changed.</source>
        <translation>地址已修改。</translation>
    </message>
    <message>
        <source>New price for %1</source>
        <translation>%1 的新价格</translation>
    </message>
    <message>
        <source>New total (yuan)</source>
        <translation>新总价（元）</translation>
    </message>
    <message>
        <source>A discount only: below the current %1.</source>
        <translation>只能优惠：须低于当前的 %1。</translation>
    </message>
    <message>
        <source>Type an amount in yuan, e.g. 88.50.</source>
        <translation>请输入金额（元），例如 88.50。</translation>
    </message>
    <message>
        <source>Price changed.</source>
        <translation>价格已修改。</translation>
    </message>
    <message>
        <source>This order&apos;s remark was changed meanwhile to “%1” (%2). Your text is kept; saving replaces it.</source>
        <translation>这期间此订单的备注已被改为“%1”（%2）。你输入的内容仍保留，保存将覆盖它。</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::PerformancePage</name>
    <message>
        <source>Response times per agent</source>
        <translation>各客服响应时长分布</translation>
    </message>
    <message>
        <source>Inquiries per hour</source>
        <translation>每小时咨询量</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to (inclusive)</source>
        <translation>到（含）</translation>
    </message>
    <message>
        <source>slow after</source>
        <translation>慢回复阈值</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Nobody was active in that range.</source>
        <translation>该时间段内没有客服活动。</translation>
    </message>
    <message>
        <source>%1 agents.</source>
        <translation>共 %1 位客服。</translation>
    </message>
    <message>
        <source>≤30 s</source>
        <translation>≤30 秒</translation>
    </message>
    <message>
        <source>≤1 min</source>
        <translation>≤1 分钟</translation>
    </message>
    <message>
        <source>≤2 min</source>
        <translation>≤2 分钟</translation>
    </message>
    <message>
        <source>≤5 min</source>
        <translation>≤5 分钟</translation>
    </message>
    <message>
        <source>≤30 min</source>
        <translation>≤30 分钟</translation>
    </message>
    <message>
        <source>longer</source>
        <translation>更久</translation>
    </message>
    <message>
        <source>turns started</source>
        <translation>咨询轮次</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复数</translation>
    </message>
    <message>
        <source>Turns answered</source>
        <translation>接待轮次</translation>
    </message>
    <message>
        <source>First response (s)</source>
        <translation>首次响应（秒）</translation>
    </message>
    <message>
        <source>Response (s)</source>
        <translation>平均响应（秒）</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>慢回复</translation>
    </message>
    <message>
        <source>Unanswered 30 min</source>
        <translation>30 分钟未回复</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Inquiring buyers</source>
        <translation>咨询人数</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>成交人数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>时段（点）</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::PhraseBrowser</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Search phrases: code, words or pinyin initials</source>
        <translation>搜索短语：编码、文字或拼音首字母</translation>
    </message>
    <message>
        <source>My phrases</source>
        <translation>我的短语</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Choose one of your own phrases; the team&apos;s are kept by supervisors.</source>
        <translation>请选择自己的短语；团队短语由主管维护。</translation>
    </message>
    <message>
        <source>Edit phrase</source>
        <translation>编辑短语</translation>
    </message>
    <message>
        <source>New phrase</source>
        <translation>新建短语</translation>
    </message>
    <message>
        <source>Variables: {买家} {客服} {订单号} {店铺} {物流公司} {运单号}</source>
        <translation>变量：{买家} {客服} {订单号} {店铺} {物流公司} {运单号}</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>快捷编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Delete phrase</source>
        <translation>删除短语</translation>
    </message>
    <message>
        <source>Delete /%1?</source>
        <translation>删除 /%1？</translation>
    </message>
    <message>
        <source>Send at once</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Double click or Enter inserts it into the reply; &quot;Send at once&quot; sends it. Used %1 times.</source>
        <translation>双击或回车插入回复框；“立即发送”直接发出。已使用 %1 次。</translation>
    </message>
    <message>
        <source>Choose a phrase first.</source>
        <translation>请先选择一条短语。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::PhraseImportPreview</name>
    <message>
        <source>Import phrases</source>
        <translation>导入快捷短语</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text or problem</source>
        <translation>内容或问题</translation>
    </message>
    <message>
        <source>%1 phrases to import. Phrases whose code exists are updated.</source>
        <translation>将导入 %1 条短语；编码已存在的短语会被更新。</translation>
    </message>
    <message>
        <source>%1 bad lines: fix them in the file and import again (nothing is imported).</source>
        <translation>有 %1 行错误：请在文件中修正后重新导入（本次不导入任何内容）。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::PhraseLibraryPage</name>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Delete phrase</source>
        <translation>删除短语</translation>
    </message>
    <message>
        <source>Delete /%1 for the whole team?</source>
        <translation>为整个团队删除 /%1？</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Import phrases</source>
        <translation>导入快捷短语</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Export phrases</source>
        <translation>导出快捷短语</translation>
    </message>
    <message>
        <source>Another phrase has the same text.</source>
        <translation>另有短语内容相同。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 added, %2 updated.</source>
        <translation>新增 %1 条，更新 %2 条。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 phrases saved to %2.</source>
        <translation>已将 %1 条短语保存到 %2。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Edit team phrase</source>
        <translation>编辑团队短语</translation>
    </message>
    <message>
        <source>New team phrase</source>
        <translation>新建团队短语</translation>
    </message>
    <message>
        <source>Variables: {买家} {客服} {订单号} {店铺} {物流公司} {运单号}</source>
        <translation>变量：{买家} {客服} {订单号} {店铺} {物流公司} {运单号}</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>快捷编码</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::QueuePage</name>
    <message>
        <source>Buyer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Estimate given</source>
        <translation>预计等待</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>接待量</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转给</translation>
    </message>
    <message>
        <source>&lt;b&gt;Queue&lt;/b&gt;</source>
        <translation>&lt;b&gt;排队中&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;In chats&lt;/b&gt;</source>
        <translation>&lt;b&gt;接待中&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agents&lt;/b&gt; (load against the reception limit)</source>
        <translation>&lt;b&gt;客服&lt;/b&gt;（接待量 / 接待上限）</translation>
    </message>
    <message>
        <source>nobody online for them</source>
        <translation>暂无可接待的在线客服</translation>
    </message>
    <message>
        <source>Choose a buyer in a chat and the agent to move them to.</source>
        <translation>请选择接待中的买家和要转给的客服。</translation>
    </message>
    <message>
        <source>Moved by the supervisor</source>
        <translation>主管调配</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>已将 %1 转给 %2。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>away</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>nobody of the group is online</source>
        <translation>该组无人在线</translation>
    </message>
    <message>
        <source>everyone eligible is at their limit</source>
        <translation>客服均满额</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接手</translation>
    </message>
    <message>
        <source>The buyer moves to you; the agent who had them is told and it is audited</source>
        <translation>买家转到您这里；原客服会收到通知，并记录审计</translation>
    </message>
    <message>
        <source>Taken over by the supervisor</source>
        <translation>主管已接手</translation>
    </message>
    <message>
        <source>You now serve %1.</source>
        <translation>您已接手 %1。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::QuickReplyPicker</name>
    <message>
        <source>↑↓ choose · Enter insert · Esc close · type a code, words or pinyin initials</source>
        <translation>↑↓ 选择 · 回车插入 · Esc 关闭 · 可输入编码、文字或拼音首字母</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>No phrase matches &quot;%1&quot;</source>
        <translation>没有与“%1”匹配的短语</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::RefundsTab</name>
    <message>
        <source>Agree</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒绝理由：%1</translation>
    </message>
    <message>
        <source>No refund requests.</source>
        <translation>没有退款申请。</translation>
    </message>
    <message>
        <source>Choose a refund that awaits the shop.</source>
        <translation>请选择待商家处理的退款。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>The reason the buyer will read (required, at most 200 characters)</source>
        <translation>买家会看到的理由（必填，最多 200 字）</translation>
    </message>
    <message>
        <source>Choose a refund first.</source>
        <translation>请先选择一个退款。</translation>
    </message>
    <message>
        <source>The refund %1 is no longer there; nothing was done.</source>
        <translation>退款 %1 已不存在，未执行任何操作。</translation>
    </message>
    <message>
        <source>The refund %1 changed meanwhile: it is now %2. Nothing was done.</source>
        <translation>退款 %1 在此期间已变化：现在是%2。未执行任何操作。</translation>
    </message>
    <message>
        <source>Refund %1 agreed.</source>
        <translation>已同意退款 %1。</translation>
    </message>
    <message>
        <source>Refund %1 refused.</source>
        <translation>已拒绝退款 %1。</translation>
    </message>
    <message>
        <source>Refuse the refund %1</source>
        <translation>拒绝退款 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Order %1 · refund %2</source>
        <translation>订单 %1 · 退款单 %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Evidence: none</source>
        <translation>凭证：无</translation>
    </message>
    <message>
        <source>Answer by %1 (%2 left), or the platform decides for the buyer</source>
        <translation>请在 %1 前处理（剩余 %2），逾期平台将按买家申请处理</translation>
    </message>
    <message>
        <source>The platform&apos;s deadline %1 has passed</source>
        <translation>平台处理期限 %1 已过</translation>
    </message>
    <message>
        <source>This buyer is %1&apos;s: you decide for a colleague.</source>
        <translation>该买家由 %1 接待：您在替同事处理。</translation>
    </message>
    <message>
        <source>Agree to the refund %1</source>
        <translation>同意退款 %1</translation>
    </message>
    <message>
        <source>Agree and refund %1</source>
        <translation>同意并退款 %1</translation>
    </message>
    <message>
        <source>(say why below)</source>
        <translation>（请在下方填写原因）</translation>
    </message>
    <message>
        <source>Choose the platform&apos;s reason…</source>
        <translation>选择平台提供的原因…</translation>
    </message>
    <message>
        <source>More for the buyer to read (optional; required without a reason above)</source>
        <translation>补充说明（选填；未选原因时必填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Evidence: %1 picture(s)</source>
        <translation>凭证：%1 张图片</translation>
    </message>
    <message>
        <source>Agree to refund %1 to %2?</source>
        <translation>确认向 %2 退款 %1？</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::RolesPage</name>
    <message>
        <source>New role…</source>
        <translation>新建角色…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
    <message>
        <source>Delete the role %1?</source>
        <translation>删除角色 %1？</translation>
    </message>
    <message>
        <source>Role %1 deleted.</source>
        <translation>已删除角色 %1。</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <source>You do not hold this permission, so you cannot grant it.</source>
        <translation>你没有此权限，因此不能授予。</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed.</source>
        <translation>内置角色不能修改。</translation>
    </message>
    <message>
        <source>Role %1 saved.</source>
        <translation>已保存角色 %1。</translation>
    </message>
    <message>
        <source>Nothing is stored until you save the role.</source>
        <translation>保存之前不会创建角色。</translation>
    </message>
    <message>
        <source>Empty (no permissions)</source>
        <translation>空白（无权限）</translation>
    </message>
    <message>
        <source>Like %1</source>
        <translation>参照 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>%1 (new, not saved)</source>
        <translation>%1（新建，未保存）</translation>
    </message>
    <message>
        <source>Role %1 created.</source>
        <translation>角色 %1 已创建。</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>请为角色命名。</translation>
    </message>
    <message>
        <source>There is a role %1 already.</source>
        <translation>已有角色 %1。</translation>
    </message>
    <message>
        <source>Tick what %1 may do, then save.</source>
        <translation>勾选 %1 可以做的事，然后保存。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::RoutingPage</name>
    <message>
        <source>Whole shop</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Only these groups</source>
        <translation>仅这些分组</translation>
    </message>
    <message>
        <source>Off (overflow to the least loaded)</source>
        <translation>关闭（分给接待量最少的客服）</translation>
    </message>
    <message>
        <source>presales, aftersales</source>
        <translation>presales, aftersales</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>0 (always queue again)</source>
        <translation>0（总是重新排队）</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Reception limit</source>
        <translation>接待上限</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Own limit</source>
        <translation>个人上限</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>A chat ends after the agent&apos;s last message and</source>
        <translation>客服最后一条消息后结束会话</translation>
    </message>
    <message>
        <source>A returning buyer goes back to their agent within</source>
        <translation>回头客在此时间内分给原客服</translation>
    </message>
    <message>
        <source>Handling time per buyer (for wait estimates)</source>
        <translation>每位买家处理时长（用于估算等待）</translation>
    </message>
    <message>
        <source>Save (effective at once)</source>
        <translation>保存（立即生效）</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无分组）</translation>
    </message>
    <message>
        <source>group default</source>
        <translation>分组默认</translation>
    </message>
    <message>
        <source>Saved: the routing works this way from now on.</source>
        <translation>已保存：分流规则即刻生效。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::ShopTextsPage</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>What the shop says to buyers in its own words; every agent&apos;s workbench uses these. The payment reminder may use {订单号}, {买家}, {客服} and {店铺}.</source>
        <translation>店铺用自己的话对买家说的内容，所有客服的工作台都使用这些话术。催付话术可使用 {订单号}、{买家}、{客服} 和 {店铺}。</translation>
    </message>
    <message>
        <source>Closing line</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Rating invitation</source>
        <translation>评价邀请</translation>
    </message>
    <message>
        <source>Payment reminder</source>
        <translation>催付</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved: every workbench uses the new wording from now on.</source>
        <translation>已保存：所有工作台从现在起使用新的话术。</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::SidePanel</name>
    <message>
        <source>Buyer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>快捷短语</translation>
    </message>
</context>
<context>
    <name>shopdesk::ui::format</name>
    <message>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <source>Closed (refunded)</source>
        <translation>交易关闭（已退款）</translation>
    </message>
    <message>
        <source>Closed (unpaid)</source>
        <translation>交易关闭（未付款）</translation>
    </message>
    <message>
        <source>Awaiting the shop</source>
        <translation>待商家处理</translation>
    </message>
    <message>
        <source>Agreed, awaiting return</source>
        <translation>已同意，待买家退货</translation>
    </message>
    <message>
        <source>Return on its way</source>
        <translation>退货途中</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款成功</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红旗</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄旗</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿旗</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝旗</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉旗</translation>
    </message>
    <message>
        <source>Grey (none)</source>
        <translation>灰旗（无）</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Pre-sales</source>
        <translation>售前</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>拒绝登录</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账号已锁定</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账号已解锁</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation>角色已修改</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>修改了自己的密码</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Refused: no permission</source>
        <translation>拒绝：无权限</translation>
    </message>
    <message>
        <source>A colleague&apos;s chat acted on</source>
        <translation>处理了同事的会话</translation>
    </message>
    <message>
        <source>Audit chain re-anchored</source>
        <translation>审计链已重新锚定</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已修改</translation>
    </message>
</context>
</TS>
