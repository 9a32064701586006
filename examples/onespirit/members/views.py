from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import DetailView, ListView

from .models import Member


class MemberListView(LoginRequiredMixin, ListView):
    model = Member
    paginate_by = 25

    def get_queryset(self):
        queryset = super().get_queryset().filter(is_active=True)
        query = self.request.GET.get('q')
        if query:
            queryset = queryset.filter(last_name__icontains=query)
        return queryset


class MemberDetailView(LoginRequiredMixin, DetailView):
    model = Member
