from . import test_meeting_workflow
from . import test_meeting_attendee
from . import test_meeting_access
from . import test_document_comment
from . import test_rpc
from . import test_member_pages
from . import test_document_access
from . import test_reports
