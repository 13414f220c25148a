<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="123"/>
        <source>Welcome to Report Reviewer</source>
        <extracomment>How often a worker thread must offer the interpreter lock to the GUI thread (Python&apos;s default is 5 ms). Measured opening a 5 MB report: longest event-loop stall 131–230 ms at 5 ms, 68–89 ms at 1 ms, for the same total time.</extracomment>
        <translation>欢迎使用报告审阅</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="124"/>
        <source>Your name is recorded with every correction, tag and comment.
Reviewer name:</source>
        <translation>您的姓名会记录在每一处更正、标签和批注上。
审阅人姓名:</translation>
    </message>
</context>
<context>
    <name>BackgroundTasks</name>
    <message>
        <location filename="../../ui/background_tasks.py" line="30"/>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="35"/>
        <source>Import a folder of reports</source>
        <translation>导入一个文件夹中的报告</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="70"/>
        <source>Some files could not be imported:</source>
        <translation>部分文件未能导入:</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="76"/>
        <source>Imported {0} report(s).</source>
        <translation>已导入 {0} 份报告。</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="78"/>
        <source>Importing reports…</source>
        <translation>正在导入报告…</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="92"/>
        <source>Report Reviewer</source>
        <translation>报告审阅</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="129"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="140"/>
        <source>The task failed unexpectedly: {0}

Details were written to {1}.</source>
        <translation>任务意外失败:{0}

详细信息已写入 {1}。</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="176"/>
        <source>Select reports in the library first.</source>
        <translation>请先在文库中选择报告。</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="186"/>
        <source>review</source>
        <translation>审阅结果</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="191"/>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="192"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="211"/>
        <source>The workbook was saved:
{0}</source>
        <translation>工作簿已保存:
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/background_tasks.py" line="217"/>
        <source>Exporting to Excel…</source>
        <translation>正在导出 Excel…</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../ui/models/tables.py" line="316"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="317"/>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="318"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="319"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CitationsModel</name>
    <message>
        <location filename="../../ui/models/tables.py" line="350"/>
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="351"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="352"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="353"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/commands.py" line="75"/>
        <source>Correct {0}</source>
        <translation>更正{0}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="109"/>
        <source>Mark as {0}</source>
        <translation>标为{0}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="134"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="134"/>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="144"/>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="155"/>
        <source>Edit comment</source>
        <translation>修改批注</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="165"/>
        <source>Delete comment</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="177"/>
        <source>Add heading</source>
        <translation>添加标题</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="190"/>
        <source>Add figure</source>
        <translation>添加数据</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="202"/>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="214"/>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="230"/>
        <source>Change tag</source>
        <translation>修改标签</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/views/document_view.py" line="347"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="348"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="349"/>
        <source>Label</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="350"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="351"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="354"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="356"/>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="356"/>
        <source>Involved in an inconsistency</source>
        <translation>涉及一处不一致</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="361"/>
        <source>(no note)</source>
        <translation>(无备注)</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="371"/>
        <source>Tag selection</source>
        <translation>为所选文字加标签</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="377"/>
        <source>Comment on selection…</source>
        <translation>批注所选文字…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="379"/>
        <source>Mark as heading…</source>
        <translation>标为标题…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_view.py" line="380"/>
        <source>Mark as figure…</source>
        <translation>标为数据…</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../ui/editing.py" line="27"/>
        <location filename="../../ui/editing.py" line="111"/>
        <location filename="../../ui/editing.py" line="120"/>
        <source>Select an item first.</source>
        <translation>请先选择一个项目。</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="45"/>
        <location filename="../../ui/editing.py" line="55"/>
        <source>Select a heading first.</source>
        <translation>请先选择一个标题。</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="47"/>
        <source>Rename heading</source>
        <translation>重命名标题</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="47"/>
        <source>Title:</source>
        <translation>标题:</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="71"/>
        <source>Select a heading that has another heading after it.</source>
        <translation>请选择一个后面还有标题的标题。</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="77"/>
        <source>Merge headings</source>
        <translation>合并标题</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="104"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="104"/>
        <source>Tag to add:</source>
        <translation>要添加的标签:</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="122"/>
        <location filename="../../ui/editing.py" line="163"/>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="122"/>
        <source>Comment on {0}:</source>
        <translation>对{0}的批注:</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="134"/>
        <source>Edit comment</source>
        <translation>修改批注</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="134"/>
        <source>Comment:</source>
        <translation>批注:</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="151"/>
        <source>Tag selection</source>
        <translation>为所选文字加标签</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="163"/>
        <source>Comment on the selected text:</source>
        <translation>对所选文字的批注:</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="176"/>
        <source>Level {0}</source>
        <translation>第 {0} 级</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="177"/>
        <source>Mark as heading</source>
        <translation>标为标题</translation>
    </message>
    <message>
        <location filename="../../ui/editing.py" line="178"/>
        <source>Level of “{0}”:</source>
        <translation>“{0}”的层级:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>Something went wrong: {0}

Your review is safe: every change is saved as you make it. You can keep working. If this happens again, send the log file to your support contact:
{1}</source>
        <translation>程序遇到意外问题:{0}

您的审阅成果是安全的:每一处修改都已即时保存,可以继续工作。如果再次出现,请将日志文件发给技术支持:
{1}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Report Reviewer</source>
        <translation>报告审阅</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="103"/>
        <source>Mark as figure</source>
        <translation>标为数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="107"/>
        <source>As written:</source>
        <translation>原文:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <source>Value:</source>
        <translation>数值:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>Unit:</source>
        <translation>单位:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116"/>
        <source>Kind:</source>
        <translation>类型:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="117"/>
        <source>Label:</source>
        <translation>指标:</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <location filename="../../ui/models/tables.py" line="252"/>
        <source>Label</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="253"/>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="254"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="255"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="256"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="257"/>
        <source>Section</source>
        <translation>所在章节</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="258"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="259"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/views/inspector.py" line="85"/>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="88"/>
        <source>Needs attention only</source>
        <translation>只看待处理</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/models/tables.py" line="382"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="383"/>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="384"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="385"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="386"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../ui/models/tables.py" line="387"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/views/inspector.py" line="124"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="142"/>
        <location filename="../../ui/views/inspector.py" line="221"/>
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="153"/>
        <source>Citations</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="159"/>
        <location filename="../../ui/views/inspector.py" line="231"/>
        <source>Select a heading, figure, check or citation.</source>
        <translation>请选择一个标题、数据、核查或引用。</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="164"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="166"/>
        <source>Manage tags…</source>
        <translation>管理标签…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="174"/>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="176"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="177"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="178"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="190"/>
        <source>Tags &amp;&amp; comments</source>
        <translation>标签与批注</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="203"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="218"/>
        <source>Figures ({0})</source>
        <translation>数据({0})</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="220"/>
        <source>Checks ({0})</source>
        <translation>核查({0})</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="222"/>
        <source>Citations ({0})</source>
        <translation>引用({0})</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>Unreviewed</source>
        <translation>未审阅</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Rejected</source>
        <translation>已否决</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Measure</source>
        <translation>计量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Sum mismatch</source>
        <translation>合计不符</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Rate mismatch</source>
        <translation>比率不符</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Change mismatch</source>
        <translation>增减不符</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Conflicting repeat</source>
        <translation>重复数据不一致</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Numbering gap</source>
        <translation>编号不连续</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Missing part</source>
        <translation>缺少必备部分</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Level without parent</source>
        <translation>层级缺少上级</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Document title</source>
        <translation>文件名称</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Metadata</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Tagged</source>
        <translation>加标签</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Untagged</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Label</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../ui/models/library.py" line="30"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/models/library.py" line="31"/>
        <source>Issuer</source>
        <translation>发布单位</translation>
    </message>
    <message>
        <location filename="../../ui/models/library.py" line="32"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/models/library.py" line="33"/>
        <source>Reviewed</source>
        <translation>审阅进度</translation>
    </message>
    <message>
        <location filename="../../ui/models/library.py" line="34"/>
        <source>Open checks</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location filename="../../ui/models/library.py" line="35"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../ui/views/library_page.py" line="53"/>
        <source>Import reports…</source>
        <translation>导入报告…</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="54"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="55"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="56"/>
        <source>Export selected…</source>
        <translation>导出所选…</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="57"/>
        <source>Remove from library</source>
        <translation>从文库中移除</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="85"/>
        <source>Search all reports: text, figure labels, comments</source>
        <translation>搜索全部报告:正文、数据指标、批注</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="96"/>
        <source>The library is empty. Import reports with the button above, or drop files or folders onto this window.</source>
        <translation>文库是空的。请用上方按钮导入报告,或将文件、文件夹拖到本窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/views/library_page.py" line="125"/>
        <source>No matches.</source>
        <translation>没有找到匹配项。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Import reports…</source>
        <extracomment>a background job ended (tests and the benchmark wait on it)</extracomment>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Import report files into the library</source>
        <translation>将报告文件导入文库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>Import every report in a folder</source>
        <translation>导入文件夹中的全部报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Open library…</source>
        <translation>打开文库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;New library…</source>
        <translation>新建文库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;Export this report to Excel…</source>
        <translation>将本报告导出为 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Export the open report to an Excel workbook</source>
        <translation>将当前报告导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>Export &amp;selected reports…</source>
        <translation>导出所选报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Export the &amp;whole library…</source>
        <translation>导出整个文库(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="145"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>&amp;Confirm and go to next</source>
        <translation>确认并转到下一项(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>Confirm the selected item (Enter)</source>
        <translation>确认所选项目(Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>&amp;Reject</source>
        <translation>否决(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>Reject the selected item: a false heading, figure or check (Del)</source>
        <translation>否决所选项目:误识别的标题、数据或核查(Del)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Mark as &amp;unreviewed</source>
        <translation>标为未审阅(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Re&amp;name heading…</source>
        <translation>重命名标题(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>&amp;Promote heading</source>
        <translation>提升标题层级(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&amp;Demote heading</source>
        <translation>降低标题层级(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Merge with the next heading</source>
        <translation>与下一个标题合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>Add &amp;comment…</source>
        <translation>添加批注(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>&amp;Tag…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Manage tags…</source>
        <translation>管理标签(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Find in report…</source>
        <translation>在报告中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Find pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>&amp;Search the library…</source>
        <translation>在文库中搜索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Show the reports in this library</source>
        <translation>显示本文库中的报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>&amp;Review view</source>
        <translation>审阅视图(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>Show only what needs &amp;attention</source>
        <translation>只显示待处理项目(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Next &amp;unreviewed</source>
        <translation>下一个未审阅(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Go to the next unreviewed item (F8)</source>
        <translation>转到下一个未审阅项目(F8)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Previous unreviewed</source>
        <translation>上一个未审阅</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Next &amp;check</source>
        <translation>下一处核查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>Go to the next inconsistency (F9)</source>
        <translation>转到下一处不一致(F9)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>Previous check</source>
        <translation>上一处核查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>&amp;About Report Reviewer</source>
        <translation>关于报告审阅(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>&amp;Recent libraries</source>
        <translation>最近使用的文库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Reject</source>
        <translation>否决</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>Next</source>
        <translation>下一项</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>Next check</source>
        <translation>下一处核查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Find in report (Ctrl+F)</source>
        <translation>在报告中查找(Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Reviewed %p%</source>
        <translation>已审阅 %p%</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>Colours in the report text</source>
        <translation>报告正文中的颜色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>In a check</source>
        <translation>涉及核查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Selected</source>
        <translation>当前选中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>Report Reviewer</source>
        <translation>报告审阅</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Cannot open the library {0}: {1}</source>
        <translation>无法打开文库 {0}:{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Library: {0}</source>
        <translation>文库:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Open library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>New library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="455"/>
        <source>Remove reports</source>
        <translation>移除报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="456"/>
        <source>Remove {0} report(s) and their review from this library? This cannot be undone.</source>
        <translation>从文库中移除 {0} 份报告及其审阅记录?此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="475"/>
        <source>Opening the report…</source>
        <translation>正在打开报告…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="576"/>
        <source>(no name)</source>
        <translation>(未填写姓名)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="577"/>
        <source>Reviewer: {0}</source>
        <translation>审阅人:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>{0} report(s) in the library</source>
        <translation>文库中有 {0} 份报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="585"/>
        <source>{0} characters · {1} headings · {2} figures · {3} citations · {4} open checks</source>
        <translation>{0} 字 · {1} 个标题 · {2} 项数据 · {3} 处引用 · {4} 处待核查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="603"/>
        <source>{0} characters selected</source>
        <translation>已选择 {0} 个字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="654"/>
        <source>About Report Reviewer</source>
        <translation>关于报告审阅</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="655"/>
        <source>&lt;h3&gt;Report Reviewer {0}&lt;/h3&gt;&lt;p&gt;Review Chinese government reports: outline, figures, citations and consistency checks, with every correction, tag and comment kept in a review library and exported to Excel.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;br&gt;Data folder: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;报告审阅 {0}&lt;/h3&gt;&lt;p&gt;审阅政府工作报告:提纲、数据、引用和一致性核查;每一处更正、标签和批注都保存在审阅文库中,并可导出为 Excel。&lt;/p&gt;&lt;p&gt;文库:{1}&lt;br&gt;数据文件夹:{2}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="116"/>
        <location filename="../../ui/navigation.py" line="127"/>
        <source>Nothing left to review here.</source>
        <translation>这里已没有待审阅的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="166"/>
        <source>“{0}” was not found in this report.</source>
        <translation>本报告中没有找到“{0}”。</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../ui/models/outline.py" line="178"/>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/models/outline.py" line="179"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/models/outline.py" line="205"/>
        <source>Low confidence ({0:.0%}): please check this heading</source>
        <translation>置信度较低({0:.0%}):请核对此标题</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../ui/prompts.py" line="36"/>
        <location filename="../../ui/prompts.py" line="42"/>
        <source>Report Reviewer</source>
        <translation>报告审阅</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="49"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="51"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="52"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="64"/>
        <source>Reports (*.txt *.docx *.pdf *.html *.htm);;All files (*)</source>
        <translation>报告 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/prompts.py" line="84"/>
        <source>Review libraries (*.db *.sqlite);;All files (*)</source>
        <translation>审阅文库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../ui/models/tables.py" line="165"/>
        <source>Originally: {0}</source>
        <translation>原值:{0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="39"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="43"/>
        <source>Your name, recorded with every change</source>
        <translation>您的姓名,随每处修改记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="44"/>
        <source>Reviewer name:</source>
        <translation>审阅人姓名:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>Interface language:</source>
        <translation>界面语言:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="53"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="60"/>
        <source>Default library:</source>
        <translation>默认文库:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="63"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="66"/>
        <source>Report font size:</source>
        <translation>报告字号:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="67"/>
        <source>A new interface language applies to the window at once.</source>
        <translation>更改界面语言后,窗口会立即切换。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="79"/>
        <source>Default library</source>
        <translation>默认文库</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="80"/>
        <source>Review libraries (*.db);;All files (*)</source>
        <translation>审阅文库 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="270"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="144"/>
        <source>Manage tags</source>
        <translation>管理标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="146"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="149"/>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150"/>
        <source>New sub-tag…</source>
        <translation>新建子标签…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="152"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>Move under…</source>
        <translation>移到…之下</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Name:</source>
        <translation>名称:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="219"/>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="226"/>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="237"/>
        <source>(top level)</source>
        <translation>(顶层)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="238"/>
        <source>Move tag</source>
        <translation>移动标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="238"/>
        <source>Put “{0}” under:</source>
        <translation>将“{0}”放到:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="248"/>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="249"/>
        <source>Delete the tag “{0}” and remove it from every item? This cannot be undone.</source>
        <translation>删除标签“{0}”并从所有项目上移除?此操作无法撤销。</translation>
    </message>
</context>
</TS>
