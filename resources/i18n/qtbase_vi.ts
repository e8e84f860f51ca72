<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context><name>QPlatformTheme</name>
<message><source>OK</source><translation>Đồng ý</translation></message>
<message><source>Save</source><translation>Lưu</translation></message>
<message><source>Cancel</source><translation>Hủy</translation></message>
<message><source>Close</source><translation>Đóng</translation></message>
<message><source>&amp;Yes</source><translation>&amp;Có</translation></message>
<message><source>&amp;No</source><translation>&amp;Không</translation></message>
<message><source>Apply</source><translation>Áp dụng</translation></message>
<message><source>Open</source><translation>Mở</translation></message>
<message><source>Help</source><translation>Trợ giúp</translation></message>
</context>
<context><name>QWizard</name>
<message><source>&lt; &amp;Back</source><translation>&lt; &amp;Quay lại</translation></message>
<message><source>&amp;Next &gt;</source><translation>&amp;Tiếp &gt;</translation></message>
<message><source>&amp;Finish</source><translation>&amp;Xong</translation></message>
<message><source>Cancel</source><translation>Hủy</translation></message>
</context>
<context><name>QProgressDialog</name>
<message><source>Cancel</source><translation>Hủy</translation></message>
</context>
<context><name>QWidgetTextControl</name>
<message><source>&amp;Copy</source><translation>&amp;Chép</translation></message>
<message><source>Copy &amp;Link Location</source><translation>Chép địa chỉ &amp;liên kết</translation></message>
<message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context><name>QLineEdit</name>
<message><source>&amp;Undo</source><translation>&amp;Hoàn tác</translation></message>
<message><source>&amp;Redo</source><translation>&amp;Làm lại</translation></message>
<message><source>Cu&amp;t</source><translation>Cắ&amp;t</translation></message>
<message><source>&amp;Copy</source><translation>&amp;Chép</translation></message>
<message><source>&amp;Paste</source><translation>&amp;Dán</translation></message>
<message><source>Delete</source><translation>Xóa</translation></message>
<message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context><name>QFileDialog</name>
<message><source>&amp;Open</source><translation>&amp;Mở</translation></message>
<message><source>&amp;Save</source><translation>&amp;Lưu</translation></message>
<message><source>File &amp;name:</source><translation>&amp;Tên tệp:</translation></message>
<message><source>Files of type:</source><translation>Loại tệp:</translation></message>
<message><source>Look in:</source><translation>Thư mục:</translation></message>
</context>
</TS>
